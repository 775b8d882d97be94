import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { packages, sessionTypes } from "../../db/schema.ts";
import { DomainError, notFound, refusal } from "../domain/errors.ts";
import type { Question } from "../domain/questionnaire.ts";
import { sha256 } from "../domain/tokens.ts";
import { writeAll } from "../queries/batch.ts";
import { contractRows, latestContract } from "../queries/contracts.ts";
import {
  getSessionType,
  listSessionTypes,
  packagesInUse,
  type SessionTypeWithPackages,
  sessionTypeInUse,
} from "../queries/session-types.ts";
import type { QuestionsInput } from "../schemas/questionnaire.ts";
import type { CreateSessionType, PackageInput, UpdateSessionType } from "../schemas/session-types.ts";
import type { StudioContext } from "./context.ts";

export const sessionTypesOf = (ctx: StudioContext): Promise<SessionTypeWithPackages[]> =>
  listSessionTypes(ctx.db, ctx.studio.id);

export async function sessionTypeOf(ctx: StudioContext, id: string): Promise<SessionTypeWithPackages> {
  const type = await getSessionType(ctx.db, ctx.studio.id, id);
  if (!type) throw notFound("session type");
  return type;
}

const packageValues = (p: PackageInput, position: number) => ({
  name: p.name,
  description: p.description ?? "",
  priceCents: p.priceCents,
  depositCents: p.depositCents ?? 0,
  position,
  peopleIncluded: p.peopleIncluded ?? 1,
  extraPersonCents: p.extraPersonCents ?? 0,
  maxPeople: p.maxPeople ?? p.peopleIncluded ?? 1,
  // An add-on keeps its id across edits, so a booking's lines still name what was chosen.
  addOns: (p.addOns ?? []).map((a) => ({
    id: a.id ?? crypto.randomUUID(),
    name: a.name,
    priceCents: a.priceCents,
    maxPerBooking: a.maxPerBooking ?? null,
  })),
});

// A question keeps its id across edits, so an answer still says which question it was.
const questionValues = (questions: QuestionsInput): Question[] =>
  questions.map((q) => ({ ...q, id: q.id ?? crypto.randomUUID() }));

/**
 * A new version of a type's contract when `text` differs from the latest one; versions are never
 * changed, so bookings keep pointing at the exact text their client signed.
 */
async function contractWrites(ctx: StudioContext, sessionTypeId: string, text: string | undefined) {
  if (text === undefined) return [];
  const latest = await latestContract(ctx.db, ctx.studio.id, sessionTypeId);
  if ((latest?.text ?? "") === text) return [];
  return [
    contractRows.insert(ctx.db, {
      studioId: ctx.studio.id,
      sessionTypeId,
      version: (latest?.version ?? 0) + 1,
      text,
      sha256: await sha256(text),
      createdAt: ctx.now,
    }),
  ];
}

/** A session type, its packages and its contract, in one batch. */
export async function createSessionType(ctx: StudioContext, input: CreateSessionType) {
  const { db, studio } = ctx;
  const id = crypto.randomUUID();
  const { packages: pkgs, contract, questions, ...type } = input;
  await db.batch([
    db
      .insert(sessionTypes)
      .values({ ...type, questions: questionValues(questions), id, studioId: studio.id }),
    // One insert a package: a multi-row insert of 20 would pass D1's 100 bound parameters.
    ...pkgs.map((p, position) =>
      db.insert(packages).values({ ...packageValues(p, position), studioId: studio.id, sessionTypeId: id }),
    ),
    ...(await contractWrites(ctx, id, contract)),
  ]);
  return sessionTypeOf(ctx, id);
}

/** Edits packages in place by id, adds those without one, removes the rest if nothing uses them. */
async function packageWrites(
  ctx: StudioContext,
  current: SessionTypeWithPackages,
  wanted: PackageInput[],
): Promise<BatchItem<"sqlite">[]> {
  const { db } = ctx;
  const known = new Set(current.packages.map((p) => p.id));
  const unknown = wanted.findIndex((p) => p.id !== undefined && !known.has(p.id));
  if (unknown >= 0) {
    throw refusal(
      "validation_failed",
      "That package does not belong to this session type.",
      `packages.${unknown}.id`,
      "Unknown package.",
    );
  }
  const kept = new Set(wanted.map((p) => p.id));
  const removed = current.packages.filter((p) => !kept.has(p.id)).map((p) => p.id);
  if ((await packagesInUse(db, current.studioId, removed)).size > 0) {
    throw refusal(
      "package_in_use",
      "A session or booking uses a package you removed; keep it instead.",
      "packages",
      "A package in use cannot be removed.",
    );
  }
  const writes: BatchItem<"sqlite">[] = [];
  if (removed.length > 0) writes.push(db.delete(packages).where(inArray(packages.id, removed)));
  wanted.forEach((p, position) => {
    const values = packageValues(p, position);
    writes.push(
      p.id
        ? db.update(packages).set(values).where(eq(packages.id, p.id))
        : db.insert(packages).values({ ...values, studioId: current.studioId, sessionTypeId: current.id }),
    );
  });
  return writes;
}

/**
 * Changes a session type; `packages` and `questions` replace the lists, and a changed `contract`
 * is a new version. A type in use keeps its classification.
 */
export async function updateSessionType(ctx: StudioContext, id: string, input: UpdateSessionType) {
  const { db, studio } = ctx;
  const { packages: pkgs, contract, questions, ...fields } = input;
  const changes = { ...fields, ...(questions && { questions: questionValues(questions) }) };
  const current = await sessionTypeOf(ctx, id);
  if (
    changes.classification &&
    changes.classification !== current.classification &&
    (await sessionTypeInUse(db, studio.id, id))
  ) {
    throw refusal(
      "session_type_in_use",
      "Sessions use this type, so its classification cannot change.",
      "classification",
      "Sessions use this type.",
    );
  }
  const writes: BatchItem<"sqlite">[] = [];
  if (Object.keys(changes).length > 0) {
    writes.push(
      db
        .update(sessionTypes)
        .set(changes)
        .where(and(eq(sessionTypes.studioId, studio.id), eq(sessionTypes.id, id))),
    );
  }
  if (pkgs) writes.push(...(await packageWrites(ctx, current, pkgs)));
  writes.push(...(await contractWrites(ctx, id, contract)));
  await writeAll(db, writes);
  return sessionTypeOf(ctx, id);
}

/** Deletes a session type that no session uses; one in use is marked inactive instead. */
export async function deleteSessionType(ctx: StudioContext, id: string): Promise<void> {
  const { db, studio } = ctx;
  await sessionTypeOf(ctx, id);
  if (await sessionTypeInUse(db, studio.id, id)) {
    throw new DomainError(
      "session_type_in_use",
      "Sessions use this session type. Mark it inactive instead, so it is not offered for new sessions.",
    );
  }
  await db.batch([
    contractRows.deleteOf(db, studio.id, id),
    db.delete(packages).where(and(eq(packages.studioId, studio.id), eq(packages.sessionTypeId, id))),
    db.delete(sessionTypes).where(and(eq(sessionTypes.studioId, studio.id), eq(sessionTypes.id, id))),
  ]);
}
