import { createRoute, z } from "@hono/zod-openapi";
import { adminTokens, studios } from "../../db/schema.ts";
import { isSlug, slugify, withRandomTail } from "../domain/slugs.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import type { Studio } from "../env.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import { createRouter } from "./app.ts";
import { operatorAuth } from "./auth.ts";
import { ApiError } from "./problem.ts";
import { Currency, Email, json, jsonBody, Locale, Name, Origin, problems, TimeZone } from "./schemas.ts";

export const StudioSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    timeZone: z.string(),
    currency: z.string(),
    locale: z.string(),
    allowedOrigins: z.array(z.string()),
    bookingPageUrl: z.string().nullable(),
    holdMinutes: z.number().int(),
  })
  .openapi("Studio");

export const toStudio = (s: Studio): z.infer<typeof StudioSchema> => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  email: s.email,
  timeZone: s.timeZone,
  currency: s.currency,
  locale: s.locale,
  allowedOrigins: s.allowedOrigins,
  bookingPageUrl: s.bookingPageUrl,
  holdMinutes: s.holdMinutes,
});

const CreateStudio = z
  .object({
    name: Name,
    slug: z
      .string()
      .refine(isSlug, "Use lowercase letters, digits and single hyphens, up to 64 characters.")
      .optional(),
    email: Email.optional(),
    timeZone: TimeZone,
    currency: Currency,
    locale: Locale.optional(),
    allowedOrigins: z.array(Origin).max(20),
    bookingPageUrl: z.url().max(500).optional(),
    holdMinutes: z.number().int().min(5).max(120).optional(),
  })
  .openapi("CreateStudio");

const router = createRouter();

router.use("/", operatorAuth);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["Studios"],
    summary: "Create a studio (operator token); answers its admin token once",
    security: [{ operatorToken: [] }],
    request: jsonBody(CreateStudio),
    responses: {
      201: {
        description: "Created",
        ...json(z.object({ studio: StudioSchema, adminToken: z.string() })),
      },
      ...problems(401, 409, 415, 422),
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const slug = input.slug ?? withRandomTail(slugify(input.name, "studio"));
    const adminToken = randomToken("sbk_admin");
    const studioId = crypto.randomUUID();
    const db = c.var.db;
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
          })
          .returning(),
        db.insert(adminTokens).values({ studioId, tokenHash: await sha256(adminToken) }),
      ]);
      if (!studio) throw new Error("studio insert returned nothing");
      return c.json({ studio: toStudio(studio), adminToken }, 201);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ApiError(409, "already_exists", `A studio with the slug "${slug}" already exists.`, [
          { path: "slug", message: "This slug is taken." },
        ]);
      }
      throw err;
    }
  },
);

export default router;
