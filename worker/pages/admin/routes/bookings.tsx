import type { Context } from "hono";
import { Hono } from "hono";
import type { StudioContext } from "../../../actions/context.ts";
import { recordManualPayment, recordRefund, studioBookingView } from "../../../actions/payments.ts";
import { studioContext } from "../../../middleware/context.ts";
import { ManualEntry } from "../../../schemas/payments.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { BookingPage } from "../views/booking.tsx";

/** A booking's page: its money, and the forms that record a payment or a refund taken by hand. */
export const bookingPages = new Hono<AdminEnv>();

const cash = { method: "cash" };

async function showBooking(
  c: Context<AdminEnv>,
  id: string,
  forms: { payment?: FormState; refund?: FormState } = {},
) {
  const view = await studioBookingView(studioContext(c), id);
  return c.render(
    <BookingPage
      view={view}
      locale={c.var.studio.locale}
      payment={forms.payment ?? formOf(cash)}
      refund={forms.refund ?? formOf(cash)}
      notice={c.req.query("done")}
    />,
  );
}

bookingPages.get("/:id", (c) => showBooking(c, c.req.param("id")));

for (const kind of ["payments", "refunds"] as const) {
  bookingPages.post(`/:id/${kind}`, async (c) => {
    const id = c.req.param("id");
    const typed = new Converter(await readForm(c));
    const entry = {
      amountCents: typed.money("amount", c.var.studio.currency, "Enter the amount, such as 50.00."),
      method: typed.optional("method"),
      note: typed.text("note"),
    };
    const record = kind === "payments" ? recordManualPayment : recordRefund;
    const act = (ctx: StudioContext) => record(ctx, id, parseInput(ManualEntry, entry));
    return submitForm(
      c,
      typed,
      act,
      {
        done: () =>
          withNotice(paths.booking(id), kind === "payments" ? "payment-recorded" : "refund-recorded"),
        refused: (form) => showBooking(c, id, kind === "payments" ? { payment: form } : { refund: form }),
      },
      (path) => (path === "amountCents" ? "amount" : path),
    );
  });
}
