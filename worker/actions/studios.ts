import { eq } from "drizzle-orm";
import { adminTokens, studios } from "../../db/schema.ts";
import { DomainError, refusal } from "../domain/errors.ts";
import { noticesOff } from "../domain/notices.ts";
import { slugify, withRandomTail } from "../domain/slugs.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import type { Db, Studio } from "../env.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import { studioByAdminToken } from "../queries/studios.ts";
import type { CreateStudio, UpdateStudio } from "../schemas/studios.ts";
import type { StudioContext } from "./context.ts";

/** Sign-in finds a studio by its email, so no two studios may have the same one (a unique index). */
export const emailTaken = () =>
  refusal(
    "email_taken",
    "Another studio signs in with this email; choose another.",
    "email",
    "Another studio signs in with this email; choose another.",
  );

/** The deployment's operator creates a studio; its admin token is answered this once. */
export async function createStudio(
  db: Db,
  input: CreateStudio,
): Promise<{ studio: Studio; adminToken: string }> {
  const slug = input.slug ?? withRandomTail(slugify(input.name, "studio"));
  const adminToken = randomToken("sbk_admin");
  const studioId = crypto.randomUUID();
  try {
    const [[studio]] = await db.batch([
      db
        .insert(studios)
        .values({
          id: studioId,
          slug,
          name: input.name,
          email: input.email ?? null,
          timeZone: input.timeZone,
          currency: input.currency,
          locale: input.locale ?? "en-US",
          allowedOrigins: input.allowedOrigins,
          bookingPageUrl: input.bookingPageUrl ?? null,
          holdMinutes: input.holdMinutes ?? 15,
          maxHoldsPerVisitor: input.maxHoldsPerVisitor ?? 1,
          sessionReminderHours: input.sessionReminderHours ?? 24,
          senderName: input.senderName ?? null,
          paymentInstructions: input.paymentInstructions ?? "",
          noticesOff: noticesOff([], input.notices ?? {}),
          waitlistOfferHours: input.waitlistOfferHours ?? 12,
          maxSeatsPerBooking: input.maxSeatsPerBooking ?? 1,
        })
        .returning(),
      db.insert(adminTokens).values({ studioId, tokenHash: await sha256(adminToken) }),
    ]);
    if (!studio) throw new Error("studio insert returned nothing");
    return { studio, adminToken };
  } catch (err) {
    if (isUniqueViolation(err, "studios.email")) throw emailTaken();
    if (isUniqueViolation(err)) {
      throw refusal(
        "already_exists",
        `A studio with the slug "${slug}" already exists.`,
        "slug",
        "This slug is taken.",
      );
    }
    throw err;
  }
}

/** The studio an admin token names; every admin request acts for it alone. */
export async function studioForAdminToken(db: Db, token: string | undefined): Promise<Studio> {
  const studio = token ? await studioByAdminToken(db, token) : null;
  if (!studio) {
    throw new DomainError("unauthorized", "Send a valid admin token as 'Authorization: Bearer <token>'.");
  }
  return studio;
}

/**
 * The photographer changes their studio's settings. Its email is also its sign-in email, so one
 * another studio has is refused (the database's unique index settles any race).
 */
export async function updateStudio(ctx: StudioContext, changes: UpdateStudio): Promise<Studio> {
  if (Object.keys(changes).length === 0) return ctx.studio;
  const { notices, ...columns } = changes;
  const set = notices ? { ...columns, noticesOff: noticesOff(ctx.studio.noticesOff, notices) } : columns;
  try {
    const [studio] = await ctx.db.update(studios).set(set).where(eq(studios.id, ctx.studio.id)).returning();
    return studio ?? ctx.studio;
  } catch (err) {
    if (isUniqueViolation(err, "studios.email")) throw emailTaken();
    throw err;
  }
}
