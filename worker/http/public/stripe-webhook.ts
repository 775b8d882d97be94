import { createRoute, z } from "@hono/zod-openapi";
import { receiveStripeEvent } from "../../actions/payments.ts";
import { actionContext } from "../../middleware/context.ts";
import { createRouter } from "../app.ts";
import { json, problems } from "../openapi.ts";

const router = createRouter();

router.openapi(
  createRoute({
    method: "post",
    path: "/webhook",
    request: { headers: z.object({ "stripe-signature": z.string().optional() }) },
    ...(DOCUMENTED && {
      tags: ["Payments"],
      summary: "Stripe's events, signature checked: a paid Checkout confirms its booking",
      description:
        "Send checkout.session.completed, checkout.session.async_payment_succeeded, " +
        "checkout.session.async_payment_failed and checkout.session.expired. Each event id is handled once.",
      responses: {
        200: { description: "Received", ...json(z.object({ received: z.boolean() }), { received: true }) },
        ...problems(400, 409, 503),
      },
    }),
  }),
  async (c) => {
    await receiveStripeEvent(actionContext(c), {
      // The signature covers the exact bytes, so the body is read as text, never re-serialized.
      body: await c.req.text(),
      signature: c.req.header("stripe-signature") ?? "",
      secret: c.env.STRIPE_WEBHOOK_SECRET,
    });
    return c.json({ received: true }, 200);
  },
);

export default router;
