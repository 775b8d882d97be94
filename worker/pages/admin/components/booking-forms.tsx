import type { FC } from "hono/jsx";
import { answerText } from "../../../domain/questionnaire.ts";
import type { AdminBookingView } from "../../../schemas/session-views.ts";

/**
 * What a client answered and signed, under their booking: each question as it was asked with the
 * answer, and the signature (who, when in UTC, which version, the text's SHA-256, from where).
 */
export const BookingForms: FC<{ booking: AdminBookingView | null }> = ({ booking }) => {
  if (!booking || (booking.answers.length === 0 && !booking.signature)) return null;
  const s = booking.signature;
  return (
    <details class="booking-forms">
      <summary>{s ? "Answers and signed contract" : "Answers"}</summary>
      {booking.answers.length > 0 && (
        <dl>
          {booking.answers.map((a) => (
            <>
              <dt>{a.question}</dt>
              <dd>{answerText(a)}</dd>
            </>
          ))}
        </dl>
      )}
      {s && (
        <p>
          Contract version {s.version} signed by <strong>{s.name}</strong> on{" "}
          {s.signedAt.replace("T", " ").slice(0, 19)} UTC{s.ip ? ` from ${s.ip}` : ""}.<br />
          SHA-256 of the text signed: <code>{s.sha256}</code>
        </p>
      )}
    </details>
  );
};
