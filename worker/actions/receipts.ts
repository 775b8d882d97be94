import { bookingSignature, formBlocks, type Signature } from "../domain/contract.ts";
import { adminSessionUrl, appointmentLinks } from "../domain/links.ts";
import {
  appointmentFacts,
  bookingConfirmed,
  howToPayText,
  moneyFacts,
  paymentReceived,
  studioNotice,
} from "../domain/messages.ts";
import type { Amounts } from "../domain/money.ts";
import { noticeOn } from "../domain/notices.ts";
import type { Quote } from "../domain/pricing.ts";
import type { Answer } from "../domain/questionnaire.ts";
import { templateValues } from "../domain/templates.ts";
import type { Db } from "../env.ts";
import type { BookingView } from "../queries/bookings.ts";
import { newClientLinkIfLastChanged } from "../queries/client-links.ts";
import { queueEmailIfLastChanged } from "../services/outbox.ts";
import { clientLocale, sessionMessage } from "./email-templates.ts";

export type Receipt = {
  view: BookingView;
  client: { name: string; email: string };
  /** The booking's amounts once the change the receipt is for is applied. */
  amounts: Amounts;
  /** How the amount came about, when the change priced it anew (else the booking's own). */
  quote?: Quote | null;
  kind: "booking_confirmed" | "payment_received";
  publicUrl: string;
  now: number;
  /** Whether the balance can be paid online (Stripe is set up). */
  online?: boolean;
  /** What the studio is told of, if it has not turned that notice off. */
  notice?: "booked" | "confirmed" | "paid";
  /** The visitor's language, while the booking being written does not yet record it. */
  locale?: string | undefined;
  /** Answers and signature written with this change (else the booking's own, as stored). */
  signed?: { answers: Answer[]; signature: Signature | null };
};

/**
 * The client's receipt for a booking confirmed now (or paid further), with a fresh link to it:
 * statements for a batch, written only if the statement before them changed its row.
 */
export async function receiptAfter(db: Db, r: Receipt) {
  const { view, now } = r;
  const link = await newClientLinkIfLastChanged(db, view.studio.id, view.booking.id, now);
  const locale = await clientLocale(
    db,
    view.studio.id,
    { locale: r.locale ?? view.booking.locale },
    r.client.email,
  );
  const facts = appointmentFacts(view.studio, view.session, view.spot, r.client, locale);
  const money = moneyFacts({
    currency: view.booking.currency,
    ...r.amounts,
    quote: r.quote ?? view.booking.quote,
  });
  const links = appointmentLinks(r.publicUrl, view.studio.bookingPageUrl, link.token);
  const fallback = () =>
    (r.kind === "booking_confirmed" ? bookingConfirmed : paymentReceived)(facts, money, links);
  // A later payment's receipt has no template of its own: the receipt template is the confirmation's.
  const message =
    r.kind === "booking_confirmed"
      ? await sessionMessage(
          db,
          view.studio.id,
          view.session.id,
          "booking_confirmed",
          templateValues(
            facts,
            money,
            links,
            howToPayText(r.online ?? false, view.studio.paymentInstructions, view.studio.locale),
          ),
          fallback,
        )
      : fallback();
  const email = {
    ...message,
    studioId: view.studio.id,
    bookingId: view.booking.id,
    kind: r.kind,
    recipient: r.client.email,
  };
  const statements = [link.insert, queueEmailIfLastChanged(db, email, now)];
  // Chained after the receipt: queued only when the receipt was, so only when the change happened.
  if (r.notice && view.studio.email && noticeOn(view.studio, r.notice)) {
    const signed = r.signed ?? {
      answers: view.booking.answers ?? [],
      signature: bookingSignature(view.booking),
    };
    const notice = studioNotice(
      r.notice,
      facts,
      money,
      adminSessionUrl(r.publicUrl, view.session.id),
      formBlocks(signed.answers, signed.signature),
    );
    statements.push(
      queueEmailIfLastChanged(
        db,
        {
          ...notice,
          studioId: view.studio.id,
          bookingId: view.booking.id,
          kind: `notice_${r.notice}`,
          recipient: view.studio.email,
        },
        now,
      ),
    );
  }
  return { token: link.token, statements };
}
