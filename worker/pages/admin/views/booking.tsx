import type { FC } from "hono/jsx";
import type { StudioBookingView } from "../../../actions/payments.ts";
import { can } from "../../../domain/bookings.ts";
import { balanceDue, formatMoney } from "../../../domain/money.ts";
import { PaymentMethod, type PaymentMethodName } from "../../../schemas/payments.ts";
import { BookingQuote } from "../components/booking-quote.tsx";
import { ErrorSummary, Field, PostForm, SelectField } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import type { FormState } from "../form.ts";
import { bookingStatusLabels, formatDateTime, formatDay, formatTime } from "../format.ts";
import { paths } from "../paths.ts";

/** One booking as the photographer manages its money: what it costs, what came in and went back. */

export const paymentMethodLabels: Record<PaymentMethodName, string> = {
  cash: "Cash",
  transfer: "Bank transfer",
  card: "Card (in person)",
  check: "Check",
  other: "Other",
};

const statusLabels = {
  pending: "Open",
  succeeded: "Received",
  expired: "Abandoned",
  refund_needed: "To refund (not credited)",
  refunded: "Refunded",
} as const;

const MoneyForm: FC<{
  id: string;
  kind: "payments" | "refunds";
  form: FormState;
  currency: string;
}> = ({ id, kind, form, currency }) => (
  <PostForm action={paths.bookingMoney(id, kind)}>
    <Field
      form={form}
      name="amount"
      label={`Amount (${currency})`}
      inputmode="decimal"
      required
      hint={kind === "payments" ? "No more than the balance due." : "No more than was paid."}
    />
    <SelectField
      form={form}
      name="method"
      label={kind === "payments" ? "Paid by" : "Given back by"}
      choices={PaymentMethod.options.map((m) => ({ value: m, label: paymentMethodLabels[m] }))}
    />
    <Field form={form} name="note" label="Note" hint="For your records, such as a receipt number." />
    <button type="submit">{kind === "payments" ? "Record Payment" : "Record Refund"}</button>
  </PostForm>
);

export const BookingPage: FC<{
  view: StudioBookingView;
  locale: string;
  payment: FormState;
  refund: FormState;
  notice?: string;
}> = ({ view, locale, payment, refund, notice }) => {
  const { booking, session, spot, client } = view;
  const zoned = { timeZone: session.timeZone, locale };
  const money = (cents: number) => formatMoney(cents, booking.currency, locale);
  const balance = balanceDue(booking);
  const takesPayment = can("takePayment", booking.status) && balance > 0;
  return (
    <>
      <p>
        <a href={paths.session(session.id)}>{session.name}</a>
      </p>
      <Heading text={client ? `Booking: ${client.name}` : "Booking"} />
      <Notice code={notice} />
      <ErrorSummary form={payment} />
      <ErrorSummary form={refund} />
      <dl class="summary">
        <dt>Client</dt>
        <dd>{client ? <a href={paths.client(client.id)}>{`${client.name} (${client.email})`}</a> : "—"}</dd>
        <dt>Spot</dt>
        <dd>
          {formatDay(spot.startsAt, zoned)}, {formatTime(spot.startsAt, zoned)} ({session.timeZone})
        </dd>
        <dt>State</dt>
        <dd>{bookingStatusLabels[booking.status]}</dd>
        <dt>Amount</dt>
        <dd>
          {money(booking.amountCents)}
          <BookingQuote quote={booking.quote} currency={booking.currency} locale={zoned.locale} />
        </dd>
        <dt>Paid</dt>
        <dd id="booking-paid">{money(booking.paidCents)}</dd>
        <dt>Balance due</dt>
        <dd id="booking-balance">{booking.status === "cancelled" ? "— (cancelled)" : money(balance)}</dd>
      </dl>
      {booking.status === "cancelled" && booking.paidCents > 0 && (
        <p class="notice">
          This booking is cancelled: {money(booking.paidCents)} paid is to be refunded. Record the refund
          below once you have given it back.
        </p>
      )}
      <section aria-labelledby="payments-title">
        <h2 id="payments-title">Payments</h2>
        {view.payments.length === 0 ? (
          <p>No payments yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">How</th>
                <th scope="col">Note</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {view.payments.map((p) => (
                <tr>
                  <td>{formatDateTime(p.createdAt, zoned)}</td>
                  <td>{p.kind === "refund" ? "Refund" : `Payment: ${statusLabels[p.status]}`}</td>
                  <td>
                    {p.method ? paymentMethodLabels[p.method] : p.provider === "stripe" ? "Stripe" : "—"}
                  </td>
                  <td>{p.note || "—"}</td>
                  <td>{p.kind === "refund" ? `−${money(p.amountCents)}` : money(p.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {takesPayment && (
        <section aria-labelledby="record-payment-title">
          <h2 id="record-payment-title">Record a Payment</h2>
          <p>Money taken outside Stripe, such as cash on the day or a bank transfer.</p>
          <MoneyForm id={booking.id} kind="payments" form={payment} currency={booking.currency} />
        </section>
      )}
      {booking.paidCents > 0 && (
        <section aria-labelledby="record-refund-title">
          <h2 id="record-refund-title">Record a Refund</h2>
          <p>
            Money given back to the client. A Stripe payment is refunded in your Stripe dashboard; record it
            here.
          </p>
          <MoneyForm id={booking.id} kind="refunds" form={refund} currency={booking.currency} />
        </section>
      )}
    </>
  );
};
