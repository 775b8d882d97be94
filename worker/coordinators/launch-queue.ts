import { DurableObject } from "cloudflare:workers";
import {
  cryptoIndex,
  nextTurns,
  openLine,
  type Place,
  type PlaceStatus,
  placesPerNetwork,
  pollDelay,
  positionOf,
  type RandomIndex,
  signAdmission,
  statusOf,
  turnMs,
} from "../domain/launch.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import type { Bindings } from "../env.ts";
import { openDb } from "../queries/db.ts";
import { type LaunchFacts, launchFacts } from "../queries/launch.ts";

/** How stale the session's facts (opening time, free seats) may be: one D1 read per this, at most. */
const factsMaxAgeMs = 2_000;

export type Refusal = {
  refused: "not_found" | "forbidden" | "session_cancelled" | "booking_open" | "rate_limited";
};

export type Arrival =
  | Refusal
  | {
      ticket: string;
      status: PlaceStatus;
      position: number | null;
      opensAt: number;
      admission: { token: string; expiresAt: number } | null;
      retryAfterMs: number;
      seatsLeft: number;
    };

export type LineSummary = {
  opensAt: number | null;
  opened: boolean;
  arrived: number;
  waiting: number;
  admitted: number;
};

/**
 * One session's launch line, as a Durable Object (one per session slug): every visitor of the
 * session's launch meets here, one request at a time, so "who is next" has a single answer without
 * locks. The line lives in memory (a Map by ticket hash: a poll is a lookup) and in the object's own
 * SQLite storage, written only when a place changes (an arrival, the opening's shuffle, a turn),
 * so an evicted object comes back with the same line. D1 stays the store of record: holds and
 * bookings are written there by the Worker, settled by its unique indexes; the line only reads
 * the session's facts (opening time, free seats) from D1, every `factsMaxAgeMs` at most, however
 * many visitors ask. Time comes from the caller (the Worker's `now`), as in every action.
 */
export class LaunchQueue extends DurableObject<Bindings> {
  private line: Place[] = [];
  private readonly byTicket = new Map<string, Place>();
  private opened = false;
  private facts: { value: LaunchFacts | null; readAt: number } | null = null;
  private reading: Promise<LaunchFacts | null> | null = null;
  /** The opening's shuffle; tests put a seeded source here (runInDurableObject). */
  random: RandomIndex = cryptoIndex;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    // The object's own schema, made once when it is first created (not per request).
    sql.exec(`create table if not exists places (
      id text primary key, ticket_hash text not null unique, network text not null,
      arrived_at integer not null, rank integer not null, admitted_at integer,
      turn_ends_at integer, held integer not null default 0, left_ integer not null default 0)`);
    sql.exec("create table if not exists line (key text primary key, value integer not null)");
    this.opened = sql.exec("select value from line where key = 'opened'").toArray().length > 0;
    for (const row of sql.exec("select * from places order by rank")) {
      this.remember({
        id: String(row.id),
        ticketHash: String(row.ticket_hash),
        network: String(row.network),
        arrivedAt: Number(row.arrived_at),
        rank: Number(row.rank),
        admittedAt: row.admitted_at === null ? null : Number(row.admitted_at),
        turnEndsAt: row.turn_ends_at === null ? null : Number(row.turn_ends_at),
        held: row.held === 1,
        left: row.left_ === 1,
      });
    }
  }

  /** A visitor asks for (or presents) their place: answers where they stand and when to ask again. */
  async arrive(input: {
    slug: string;
    ticket: string | null;
    network: string;
    origin: string | null;
    now: number;
  }): Promise<Arrival> {
    const facts = await this.factsAt(input.slug, input.now);
    if (!facts) return { refused: "not_found" };
    if (input.origin && !facts.allowedOrigins.includes(input.origin)) return { refused: "forbidden" };
    if (!facts.open) return { refused: "session_cancelled" };
    if (facts.opensAt === null) return { refused: "booking_open" };
    let ticket = input.ticket;
    let place = ticket ? this.byTicket.get(await sha256(ticket)) : undefined;
    if (!place || statusOf(place, input.now) === "left") {
      const taken = this.line.filter((p) => p.network === input.network && !p.left).length;
      if (taken >= placesPerNetwork) return { refused: "rate_limited" };
      ticket = randomToken("sbk_line");
      place = await this.join(ticket, input.network, input.now);
    }
    this.advance(facts, input.now);
    // The opening rewrites the line's places: read this one again.
    place = this.byTicket.get(place.ticketHash) ?? place;
    const status = statusOf(place, input.now);
    const position = status === "waiting" && this.opened ? positionOf(this.line, place, input.now) : null;
    return {
      ticket: ticket as string,
      status,
      position,
      opensAt: facts.opensAt,
      admission:
        status === "admitted" && place.turnEndsAt !== null
          ? {
              token: await signAdmission(admissionSecret(this.env), {
                slug: input.slug,
                placeId: place.id,
                expiresAt: place.turnEndsAt,
              }),
              expiresAt: place.turnEndsAt,
            }
          : null,
      retryAfterMs: pollDelay({ now: input.now, opensAt: facts.opensAt, position: position ?? 1 }),
      seatsLeft: facts.freeSeats,
    };
  }

  /** A visitor on their turn placed a hold: its seats are taken, so they no longer count as a turn running. */
  async held(input: { placeId: string; seats: number }): Promise<void> {
    const place = this.line.find((p) => p.id === input.placeId);
    if (!place || place.held) return;
    place.held = true;
    if (this.facts?.value) this.facts.value.freeSeats = Math.max(0, this.facts.value.freeSeats - input.seats);
    this.ctx.storage.sql.exec("update places set held = 1 where id = ?", place.id);
  }

  /** A visitor gives up their place (or their turn): the next one's turn can begin. */
  async leave(input: {
    slug: string;
    ticket: string;
    origin: string | null;
    now: number;
  }): Promise<boolean | Refusal> {
    const facts = await this.factsAt(input.slug, input.now);
    if (!facts) return { refused: "not_found" };
    if (input.origin && !facts.allowedOrigins.includes(input.origin)) return { refused: "forbidden" };
    const place = this.byTicket.get(await sha256(input.ticket));
    if (!place || place.left) return false;
    place.left = true;
    this.ctx.storage.sql.exec("update places set left_ = 1 where id = ?", place.id);
    return true;
  }

  /** The photographer's view: how many are in line and how many had their turn. */
  async summary(input: { slug: string; now: number }): Promise<LineSummary> {
    const facts = await this.factsAt(input.slug, input.now);
    if (facts) this.advance(facts, input.now);
    return {
      opensAt: facts?.opensAt ?? null,
      opened: this.opened,
      arrived: this.line.length,
      waiting: this.line.filter((p) => statusOf(p, input.now) === "waiting").length,
      admitted: this.line.filter((p) => p.admittedAt !== null).length,
    };
  }

  /** Forget the cached facts (the opening time changed): the next request reads D1 again. */
  async refresh(): Promise<void> {
    this.facts = null;
  }

  private remember(place: Place) {
    this.line.push(place);
    this.byTicket.set(place.ticketHash, place);
  }

  private async join(ticket: string, network: string, now: number): Promise<Place> {
    const place: Place = {
      id: crypto.randomUUID(),
      ticketHash: await sha256(ticket),
      network,
      arrivedAt: now,
      rank: (this.line.at(-1)?.rank ?? -1) + 1,
      admittedAt: null,
      turnEndsAt: null,
      held: false,
      left: false,
    };
    this.remember(place);
    this.ctx.storage.sql.exec(
      "insert into places (id, ticket_hash, network, arrived_at, rank) values (?, ?, ?, ?, ?)",
      place.id,
      place.ticketHash,
      place.network,
      place.arrivedAt,
      place.rank,
    );
    return place;
  }

  /** The clock moved: open the line once (the shuffle), then start as many turns as seats are free. */
  private advance(facts: LaunchFacts, now: number) {
    if (facts.opensAt === null || now < facts.opensAt) return;
    const sql = this.ctx.storage.sql;
    if (!this.opened) {
      this.line = openLine(this.line, facts.opensAt, this.random);
      this.byTicket.clear();
      for (const p of this.line) this.byTicket.set(p.ticketHash, p);
      this.ctx.storage.transactionSync(() => {
        for (const p of this.line) sql.exec("update places set rank = ? where id = ?", p.rank, p.id);
        sql.exec("insert into line (key, value) values ('opened', ?)", now);
      });
      this.opened = true;
    }
    const turns = nextTurns(this.line, facts.freeSeats, now);
    if (turns.length === 0) return;
    this.ctx.storage.transactionSync(() => {
      for (const p of turns) {
        p.admittedAt = now;
        p.turnEndsAt = now + turnMs;
        sql.exec("update places set admitted_at = ?, turn_ends_at = ? where id = ?", now, p.turnEndsAt, p.id);
      }
    });
  }

  /**
   * The session's facts, read from D1 when the cached copy is older than `factsMaxAgeMs`; one read
   * at a time, which every request arriving meanwhile waits on.
   */
  private async factsAt(slug: string, now: number): Promise<LaunchFacts | null> {
    if (this.facts && now - this.facts.readAt < factsMaxAgeMs && now >= this.facts.readAt) {
      return this.facts.value;
    }
    this.reading ??= launchFacts(openDb(this.env), slug, now).finally(() => {
      this.reading = null;
    });
    const value = await this.reading;
    this.facts = { value, readAt: now };
    return value;
  }
}

/** What an action reaches a session's line through, and the secret its admissions are signed with. */
export type LaunchDesk = {
  line: (slug: string) => DurableObjectStub<LaunchQueue>;
  secret: string;
};

/**
 * The deployment's lines. Admissions are signed with LAUNCH_SECRET, or by default with a key
 * derived from OPERATOR_TOKEN (always set, never public), so no deployment signs with a known key.
 */
const admissionSecret = (env: Bindings) => env.LAUNCH_SECRET || `launch-admission:${env.OPERATOR_TOKEN}`;

export const launchDeskFor = (env: Bindings): LaunchDesk => ({
  line: (slug) => env.LAUNCH_QUEUES.get(env.LAUNCH_QUEUES.idFromName(slug)),
  secret: admissionSecret(env),
});
