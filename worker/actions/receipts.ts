import { appointmentLinks } from "../domain/links.ts";
import { appointmentFacts, bookingConfirmed, moneyFacts, paymentReceived } from "../domain/messages.ts";
import type { Amounts } from "../domain/money.ts";
import type { Db } from "../env.ts";
import type { BookingView } from "../queries/bookings.ts";
import { newClientLinkIfLastChanged } from "../queries/client-links.ts";
import { queueEmailIfLastChanged } from "../services/outbox.ts";

export type Receipt = {
  view: BookingView;
  client: { name: string; email: string };
  /** The booking's amounts once the change the receipt is for is applied. */
  amounts: Amounts;
  kind: "booking_confirmed" | "payment_received";
  publicUrl: string;
  now: number;
};

/**
 * The client's receipt for a booking confirmed now (or paid further), with a fresh link to it:
 * statements for a batch, written only if the statement before them changed its row.
 */
export async function receiptAfter(db: Db, r: Receipt) {
  const { view, now } = r;
  const link = await newClientLinkIfLastChanged(db, view.studio.id, view.booking.id, now);
  const message = (r.kind === "booking_confirmed" ? bookingConfirmed : paymentReceived)(
    appointmentFacts(view.studio, view.session, view.spot, r.client),
    moneyFacts({ currency: view.booking.currency, ...r.amounts }),
    appointmentLinks(r.publicUrl, view.studio.bookingPageUrl, link.token),
  );
  const email = {
    ...message,
    studioId: view.studio.id,
    bookingId: view.booking.id,
    kind: r.kind,
    recipient: r.client.email,
  };
  return { token: link.token, statements: [link.insert, queueEmailIfLastChanged(db, email, now)] };
}
