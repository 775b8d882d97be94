import type { BatchItem } from "drizzle-orm/batch";
import {
  contractCopy,
  type Signature,
  signatureColumns,
  signatureOf,
  studioContractCopy,
} from "../domain/contract.ts";
import { appointmentFacts } from "../domain/messages.ts";
import { type AnswerValue, answersFor } from "../domain/questionnaire.ts";
import type { Db } from "../env.ts";
import type { BookingView } from "../queries/bookings.ts";
import { contractStillInForce } from "../queries/contracts.ts";
import { queueEmailIfLastChanged } from "../services/outbox.ts";
import { clientLocale } from "./email-templates.ts";

/** What a booking or a confirmation carries besides the client: answers to the questions, a signature. */
export type FormsInput = {
  answers?: Record<string, AnswerValue> | undefined;
  signature?: { contractId: string; name: string } | undefined;
};

/**
 * The client's answers and signature for a booking about to be written, checked against the
 * session type's questions and contract in force: the columns to set, and the condition the
 * guarded update adds (the contract signed is still the one in force). A type with a contract
 * refuses without a signature, so such a booking is never confirmed unsigned.
 */
export function signedForms(view: BookingView, input: FormsInput, at: { now: number; ip: string | null }) {
  const answers = answersFor(view.sessionType.questions, input.answers);
  const signature = signatureOf(view.contract, input.signature, at);
  return {
    answers,
    signature,
    columns: { answers, ...signatureColumns(signature) },
    guard: contractStillInForce(view.sessionType.id, view.contract?.id ?? null),
  };
}

/**
 * The signed contract's copy to the client (in their language, as their receipt is) and to the
 * studio, for the batch right after the booking's guarded update: queued only if it happened
 * (each chained to the one before). `locale` is the visitor's, while the booking does not yet record it.
 */
export async function contractCopies(
  db: Db,
  view: BookingView,
  client: { name: string; email: string },
  signature: Signature | null,
  now: number,
  locale: string | undefined,
): Promise<BatchItem<"sqlite">[]> {
  if (!signature || !view.contract) return [];
  const language = await clientLocale(
    db,
    view.studio.id,
    { locale: locale ?? view.booking.locale },
    client.email,
  );
  const facts = appointmentFacts(view.studio, view.session, view.spot, client, language);
  const copies = [
    { recipient: client.email, message: contractCopy(facts, view.contract.text, signature) },
    ...(view.studio.email
      ? [{ recipient: view.studio.email, message: studioContractCopy(facts, view.contract.text, signature) }]
      : []),
  ];
  return copies.map(({ recipient, message }) =>
    queueEmailIfLastChanged(
      db,
      {
        ...message,
        studioId: view.studio.id,
        bookingId: view.booking.id,
        kind: "contract_signed",
        recipient,
      },
      now,
    ),
  );
}
