import type { FC } from "hono/jsx";
import type { Studio } from "../../../env.ts";
import type { SessionSummary } from "../../../queries/sessions.ts";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import { classificationLabels, formatDateTime } from "../format.ts";
import { paths } from "../paths.ts";

const SessionTable: FC<{ id: string; caption: string; rows: SessionSummary[]; studio: Studio }> = ({
  id,
  caption,
  rows,
  studio,
}) => (
  <section id={id} aria-labelledby={`${id}-title`}>
    <h2 id={`${id}-title`}>{caption}</h2>
    {rows.length === 0 ? (
      <p>None.</p>
    ) : (
      <table aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Classification</th>
            <th scope="col">Session Type</th>
            <th scope="col">Starts</th>
            <th scope="col">Spots taken</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ session, sessionTypeName, firstStartsAt, spotCount, takenCount }) => (
            <tr>
              <td>
                <a href={paths.session(session.id)}>{session.name}</a>
              </td>
              <td>{classificationLabels[session.classification]}</td>
              <td>{sessionTypeName}</td>
              <td>
                {firstStartsAt === null
                  ? "—"
                  : formatDateTime(firstStartsAt, { timeZone: session.timeZone, locale: studio.locale })}
              </td>
              <td>{`${takenCount} of ${spotCount}`}</td>
              <td>{session.status === "scheduled" ? "Scheduled" : "Cancelled"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);

/** Upcoming sessions (soonest first) and past ones (latest first), split by when they end. */
export const SessionsPage: FC<{
  upcoming: SessionSummary[];
  past: SessionSummary[];
  studio: Studio;
  notice?: string;
}> = ({ upcoming, past, studio, notice }) => (
  <>
    <Heading text="Booking Sessions" />
    <Notice code={notice} />
    <div class="actions">
      <a class="button" href={paths.newSession}>
        Schedule a New Session
      </a>
    </div>
    <SessionTable id="upcoming" caption="Upcoming" rows={upcoming} studio={studio} />
    <SessionTable id="past" caption="Past" rows={past} studio={studio} />
  </>
);
