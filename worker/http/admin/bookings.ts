import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { bookings } from "../../../db/schema.ts";
import { canCancel } from "../../domain/bookings.ts";
import { createRouter } from "../app.ts";
import { ApiError, notFound } from "../problem.ts";
import { adminSecurity, IdParam, problems } from "../schemas.ts";

const router = createRouter();

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    tags: ["Bookings"],
    summary: "Cancel a booking, freeing its spot",
    security: adminSecurity,
    request: { params: IdParam },
    responses: { 204: { description: "Cancelled" }, ...problems(401, 404, 409) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const studioId = c.var.studio.id;
    const db = c.var.db;
    const [booking] = await db
      .select()
      .from(bookings)
      .where(and(eq(bookings.studioId, studioId), eq(bookings.id, id)));
    if (!booking) throw notFound("booking");
    const now = Date.now();
    if (!canCancel(booking, now)) {
      throw new ApiError(409, "conflict", `This booking is already ${booking.status.replace("_", " ")}.`);
    }
    await db
      .update(bookings)
      .set({ status: "cancelled", cancelledAt: now })
      .where(and(eq(bookings.studioId, studioId), eq(bookings.id, id)));
    return c.body(null, 204);
  },
);

export default router;
