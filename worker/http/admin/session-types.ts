import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { packages, sessionTypes } from "../../../db/schema.ts";
import { writeAll } from "../../queries/batch.ts";
import {
  getSessionType,
  listSessionTypes,
  type PackageRow,
  packagesInUse,
  type SessionTypeWithPackages,
  sessionTypeInUse,
} from "../../queries/session-types.ts";
import { createRouter } from "../app.ts";
import { ApiError, notFound } from "../problem.ts";
import {
  adminSecurity,
  Cents,
  Classification,
  Id,
  IdParam,
  json,
  jsonBody,
  Name,
  problems,
  Text,
} from "../schemas.ts";

export const PackageSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    priceCents: z.number().int(),
    depositCents: z.number().int(),
  })
  .openapi("Package");

export const SessionTypeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    classification: Classification,
    durationMinutes: z.number().int(),
    breakMinutes: z.number().int(),
    description: z.string(),
    paymentReminder: z.boolean(),
    paymentReminderDays: z.number().int(),
    active: z.boolean(),
    packages: z.array(PackageSchema),
  })
  .openapi("SessionType");

export const toPackage = (p: PackageRow): z.infer<typeof PackageSchema> => ({
  id: p.id,
  name: p.name,
  description: p.description,
  priceCents: p.priceCents,
  depositCents: p.depositCents,
});

export const toSessionType = (t: SessionTypeWithPackages): z.infer<typeof SessionTypeSchema> => ({
  id: t.id,
  name: t.name,
  classification: t.classification,
  durationMinutes: t.durationMinutes,
  breakMinutes: t.breakMinutes,
  description: t.description,
  paymentReminder: t.paymentReminder,
  paymentReminderDays: t.paymentReminderDays,
  active: t.active,
  packages: t.packages.map(toPackage),
});

const PackageInput = z
  .object({
    id: Id.optional(),
    name: Name,
    description: Text.optional(),
    priceCents: Cents,
    depositCents: Cents.optional(),
  })
  // A negative price already has its own error; say nothing more about its deposit.
  .refine((p) => p.priceCents < 0 || (p.depositCents ?? 0) <= p.priceCents, {
    message: "The deposit cannot be more than the price.",
    path: ["depositCents"],
  });

const fields = {
  name: Name,
  classification: Classification,
  durationMinutes: z
    .number()
    .int()
    .min(5, "At least 5 minutes.")
    .max(24 * 60, "At most 24 hours."),
  breakMinutes: z
    .number()
    .int()
    .min(0, "Cannot be negative.")
    .max(24 * 60, "At most 24 hours."),
  description: Text,
  paymentReminder: z.boolean(),
  paymentReminderDays: z.number().int().min(0).max(90),
  active: z.boolean(),
  packages: z.array(PackageInput).min(1, "Add at least one package.").max(20, "At most 20 packages."),
};

const CreateSessionType = z
  .object({
    ...fields,
    breakMinutes: fields.breakMinutes.default(0),
    description: fields.description.default(""),
    paymentReminder: fields.paymentReminder.default(false),
    paymentReminderDays: fields.paymentReminderDays.default(3),
    active: fields.active.default(true),
  })
  .openapi("CreateSessionType");

const UpdateSessionType = z.object(fields).partial().openapi("UpdateSessionType");

const Wrapped = json(z.object({ sessionType: SessionTypeSchema }));

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["Session types"],
    summary: "List session types with their packages",
    security: adminSecurity,
    responses: {
      200: { description: "OK", ...json(z.object({ sessionTypes: z.array(SessionTypeSchema) })) },
      ...problems(401),
    },
  }),
  async (c) => {
    const types = await listSessionTypes(c.var.db, c.var.studio.id);
    return c.json({ sessionTypes: types.map(toSessionType) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["Session types"],
    summary: "Create a session type with its packages",
    security: adminSecurity,
    request: jsonBody(CreateSessionType),
    responses: { 201: { description: "Created", ...Wrapped }, ...problems(401, 415, 422) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const studioId = c.var.studio.id;
    const db = c.var.db;
    const id = crypto.randomUUID();
    const { packages: pkgs, ...type } = input;
    await db.batch([
      db.insert(sessionTypes).values({ ...type, id, studioId }),
      db.insert(packages).values(
        pkgs.map((p, position) => ({
          studioId,
          sessionTypeId: id,
          name: p.name,
          description: p.description ?? "",
          priceCents: p.priceCents,
          depositCents: p.depositCents ?? 0,
          position,
        })),
      ),
    ]);
    const created = await getSessionType(db, studioId, id);
    if (!created) throw notFound("session type");
    return c.json({ sessionType: toSessionType(created) }, 201);
  },
);

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}",
    tags: ["Session types"],
    summary: "A session type with its packages",
    security: adminSecurity,
    request: { params: IdParam },
    responses: { 200: { description: "OK", ...Wrapped }, ...problems(401, 404) },
  }),
  async (c) => {
    const type = await getSessionType(c.var.db, c.var.studio.id, c.req.valid("param").id);
    if (!type) throw notFound("session type");
    return c.json({ sessionType: toSessionType(type) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/{id}",
    tags: ["Session types"],
    summary: "Change a session type; `packages` replaces the list (keep ids to edit in place)",
    security: adminSecurity,
    request: { params: IdParam, ...jsonBody(UpdateSessionType) },
    responses: { 200: { description: "OK", ...Wrapped }, ...problems(401, 404, 409, 415, 422) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { packages: pkgs, ...changes } = c.req.valid("json");
    const studioId = c.var.studio.id;
    const db = c.var.db;
    const current = await getSessionType(db, studioId, id);
    if (!current) throw notFound("session type");
    if (
      changes.classification &&
      changes.classification !== current.classification &&
      (await sessionTypeInUse(db, studioId, id))
    ) {
      throw new ApiError(
        409,
        "session_type_in_use",
        "Sessions use this type, so its classification cannot change.",
        [{ path: "classification", message: "Sessions use this type." }],
      );
    }
    const writes: BatchItem<"sqlite">[] = [];
    if (Object.keys(changes).length > 0) {
      writes.push(
        db
          .update(sessionTypes)
          .set(changes)
          .where(and(eq(sessionTypes.studioId, studioId), eq(sessionTypes.id, id))),
      );
    }
    if (pkgs) writes.push(...(await packageWrites(c.var.db, current, pkgs)));
    await writeAll(db, writes);
    const updated = await getSessionType(db, studioId, id);
    if (!updated) throw notFound("session type");
    return c.json({ sessionType: toSessionType(updated) }, 200);
  },
);

/** Edits packages in place by id, adds those without one, removes the rest if nothing uses them. */
async function packageWrites(
  db: Parameters<typeof packagesInUse>[0],
  current: SessionTypeWithPackages,
  wanted: z.infer<typeof PackageInput>[],
): Promise<BatchItem<"sqlite">[]> {
  const known = new Set(current.packages.map((p) => p.id));
  const unknown = wanted.findIndex((p) => p.id !== undefined && !known.has(p.id));
  if (unknown >= 0) {
    throw new ApiError(422, "validation_failed", "That package does not belong to this session type.", [
      { path: `packages.${unknown}.id`, message: "Unknown package." },
    ]);
  }
  const kept = new Set(wanted.map((p) => p.id));
  const removed = current.packages.filter((p) => !kept.has(p.id)).map((p) => p.id);
  if ((await packagesInUse(db, current.studioId, removed)).size > 0) {
    throw new ApiError(409, "conflict", "A session or booking uses a package you removed; keep it instead.", [
      { path: "packages", message: "A package in use cannot be removed." },
    ]);
  }
  const writes: BatchItem<"sqlite">[] = [];
  if (removed.length > 0) writes.push(db.delete(packages).where(inArray(packages.id, removed)));
  wanted.forEach((p, position) => {
    const values = {
      name: p.name,
      description: p.description ?? "",
      priceCents: p.priceCents,
      depositCents: p.depositCents ?? 0,
      position,
    };
    writes.push(
      p.id
        ? db.update(packages).set(values).where(eq(packages.id, p.id))
        : db.insert(packages).values({ ...values, studioId: current.studioId, sessionTypeId: current.id }),
    );
  });
  return writes;
}

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    tags: ["Session types"],
    summary: "Delete a session type that no session uses",
    security: adminSecurity,
    request: { params: IdParam },
    responses: { 204: { description: "Deleted" }, ...problems(401, 404, 409) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const studioId = c.var.studio.id;
    const db = c.var.db;
    if (!(await getSessionType(db, studioId, id))) throw notFound("session type");
    if (await sessionTypeInUse(db, studioId, id)) {
      throw new ApiError(
        409,
        "session_type_in_use",
        "Sessions use this session type. Mark it inactive instead, so it is not offered for new sessions.",
      );
    }
    await db.batch([
      db.delete(packages).where(and(eq(packages.studioId, studioId), eq(packages.sessionTypeId, id))),
      db.delete(sessionTypes).where(and(eq(sessionTypes.studioId, studioId), eq(sessionTypes.id, id))),
    ]);
    return c.body(null, 204);
  },
);

export default router;
