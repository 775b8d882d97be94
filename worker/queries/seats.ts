import { type SQL, sql } from "drizzle-orm";
import { liveStatuses } from "../../db/schema.ts";
import { expiringStatuses, lastingStatuses } from "../domain/bookings.ts";

/*
 * Seats: the spots of a session that start together (a workshop scheduled "all at the same time")
 * are one time with that many seats. A booking takes `seats` of them while sitting on one spot row,
 * so a time's free seats are its spots (less those the studio removed) less the seats its live
 * bookings take. Every write that
 * puts a booking on a spot guards on these, inside its own statement: D1 runs one statement at a
 * time, so the count and the write cannot be split by another visitor.
 */

const quoted = (statuses: readonly string[]) => sql.raw(statuses.map((s) => `'${s}'`).join(", "));

/** The spots that start with `spotId` in its session (itself included). */
export const spotsAtTimeOf = (spotId: SQL | string) => sql`(
  select t.id from spots t
  where (t.session_id, t.starts_at) = (select o.session_id, o.starts_at from spots o where o.id = ${spotId})
)`;

/**
 * Seats still free at the time of `spotId`, by the bookings that occupy a spot at `now` (the SQL
 * twin of occupyingSpot, written on an alias so it nests in a statement on bookings itself);
 * `except` leaves one booking out of the count (a late payment reviving its own booking).
 */
export const seatsLeftAt = (spotId: SQL | string, now: number, except?: string): SQL => sql`(
  (select count(*) from spots c
    where (c.session_id, c.starts_at) = (select o.session_id, o.starts_at from spots o where o.id = ${spotId})
      and c.removed_at is null)
  - (select coalesce(sum(b.seats), 0) from bookings b
    where b.spot_id in ${spotsAtTimeOf(spotId)}
      and (b.status in (${quoted(lastingStatuses)})
        or (b.status in (${quoted(expiringStatuses)}) and b.expires_at > ${now}))
      ${except ? sql`and b.id <> ${except}` : sql``})
)`;

/**
 * A spot of the time of `spotId` that no live booking sits on (the partial unique index's view),
 * for a new booking to sit on: the lowest id, so racing writes agree on it and the index settles
 * the rest.
 */
export const freeSpotAtTimeOf = (spotId: string): SQL => sql`(
  select f.id from spots f
  where f.id in ${spotsAtTimeOf(spotId)}
    and f.removed_at is null
    and not exists (select 1 from bookings l where l.spot_id = f.id and l.status in (${quoted(liveStatuses)}))
  order by f.id limit 1
)`;
