import { createRoute, z } from "@hono/zod-openapi";
import { couponById, couponsOf, createCoupon, deleteCoupon, updateCoupon } from "../../actions/coupons.ts";
import { studioContext } from "../../middleware/context.ts";
import { CouponSchema, CreateCoupon, toCoupon, UpdateCoupon } from "../../schemas/coupons.ts";
import { exampleCoupon, exampleNewCoupon } from "../../schemas/examples/checkout.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

const Wrapped = DOCUMENTED && json(z.object({ coupon: CouponSchema }), { coupon: exampleCoupon });

/** /v1/admin/coupons: the studio's codes, with how often each was used. */
const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    ...(DOCUMENTED && {
      tags: ["Coupons"],
      summary: "List the studio's codes with their uses",
      security: adminSecurity,
      responses: {
        200: {
          description: "OK",
          ...json(z.object({ coupons: z.array(CouponSchema) }), { coupons: [exampleCoupon] }),
        },
      },
    }),
  }),
  async (c) => c.json({ coupons: (await couponsOf(studioContext(c))).map(toCoupon) }, 200),
);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    request: jsonBody(CreateCoupon, DOCUMENTED && exampleNewCoupon),
    ...(DOCUMENTED && {
      tags: ["Coupons"],
      summary: "Add a code (unique per studio, matched without regard to case)",
      security: adminSecurity,
      responses: { 201: { description: "Created", ...Wrapped }, ...problems(409) },
    }),
  }),
  async (c) => c.json({ coupon: toCoupon(await createCoupon(studioContext(c), c.req.valid("json"))) }, 201),
);

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Coupons"],
      summary: "A code",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404) },
    }),
  }),
  async (c) => c.json({ coupon: toCoupon(await couponById(studioContext(c), c.req.valid("param").id)) }, 200),
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/{id}",
    request: { params: IdParam, ...jsonBody(UpdateCoupon, DOCUMENTED && { maxUses: 100 }) },
    ...(DOCUMENTED && {
      tags: ["Coupons"],
      summary: "Edit a code",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    const coupon = await updateCoupon(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ coupon: toCoupon(coupon) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Coupons"],
      summary: "Delete a code; one bookings used is ended now instead, so they keep their discount record",
      security: adminSecurity,
      responses: { 204: { description: "Deleted, or ended now if bookings used it" }, ...problems(404) },
    }),
  }),
  async (c) => {
    await deleteCoupon(studioContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  },
);

export default router;
