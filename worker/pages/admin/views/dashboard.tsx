import type { FC } from "hono/jsx";
import type { Dashboard } from "../../../actions/overview.ts";
import { balanceDue, formatMoney } from "../../../domain/money.ts";
import type { BookingOverviewRow } from "../../../queries/overview.ts";
import type { SessionSummary } from "../../../queries/sessions.ts";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import { bookingStatusLabels, formatDateTime } from "../format.ts";
import { paths } from "../paths.ts";

/** The first screen: what today needs, before any list of everything. */

type Zoned = { timeZone: string; locale: string; currency: string };

const SessionList: FC<{
  id: string;
  caption: string;
  rows: SessionSummary[];
  zoned: Zoned;
  empty: string;
}> = ({ id, caption, rows, zoned, empty }) => (
  <section id={id} aria-labelledby={`${id}-title`}>
    <h2 id={`${id}-title`}>{caption}</h2>
    {rows.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Starts</th>
            <th scope="col">Booked</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr>
              <td>
                <a href={paths.session(s.session.id)}>{s.session.name}</a>
              </td>
              <td>
                {s.firstStartsAt === null
                  ? "—"
                  : formatDateTime(s.firstStartsAt, { ...zoned, timeZone: s.session.timeZone })}
              </td>
              <td>
                {s.takenCount} of {s.spotCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);

const BookingList: FC<{
  id: string;
  caption: string;
  rows: BookingOverviewRow[];
  zoned: Zoned;
  empty: string;
  amount?: (r: BookingOverviewRow) => string;
}> = ({ id, caption, rows, zoned, empty, amount }) => (
  <section id={id} aria-labelledby={`${id}-title`}>
    <h2 id={`${id}-title`}>{caption}</h2>
    {rows.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Session</th>
            <th scope="col">Spot</th>
            <th scope="col">{amount ? "Balance due" : "State"}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                {r.client ? (
                  <a href={paths.booking(r.booking.id)}>{r.client.name}</a>
                ) : (
                  "A visitor, booking now"
                )}
              </td>
              <td>
                <a href={paths.session(r.session.id)}>{r.session.name}</a>
              </td>
              <td>{formatDateTime(r.spot.startsAt, { ...zoned, timeZone: r.session.timeZone })}</td>
              <td>{amount ? amount(r) : bookingStatusLabels[r.booking.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);

export const DashboardPage: FC<{ board: Dashboard; zoned: Zoned; notice?: string }> = ({
  board,
  zoned,
  notice,
}) => {
  const money = (cents: number) => formatMoney(cents, zoned.currency, zoned.locale);
  return (
    <>
      <Heading text="Today" />
      <Notice code={notice} />
      <ul class="figures" aria-label="At a glance">
        <li>
          <strong>{board.today.length}</strong> sessions today
        </li>
        <li>
          <strong>{money(board.balanceDueCents)}</strong> balances due
        </li>
        <li>
          <strong>{board.awaitingClient.length}</strong> waiting for their client
        </li>
        <li>
          <strong>{board.liveHolds.length}</strong> holds live now
        </li>
      </ul>
      <p class="actions">
        <a class="button" href={paths.newSession}>
          Schedule a New Session
        </a>
        <a href={paths.sessions}>All Booking Sessions</a>
      </p>
      <SessionList
        id="today"
        caption="Today's sessions"
        rows={board.today}
        zoned={zoned}
        empty="No session today."
      />
      <SessionList
        id="next"
        caption="Next sessions"
        rows={board.next}
        zoned={zoned}
        empty="Nothing scheduled after today."
      />
      <BookingList
        id="balances-due"
        caption="Balances due"
        rows={board.balancesDue}
        zoned={zoned}
        empty="Every confirmed booking is paid."
        amount={(r) => money(balanceDue(r.booking))}
      />
      <BookingList
        id="awaiting-client"
        caption="Waiting for their client"
        rows={board.awaitingClient}
        zoned={zoned}
        empty="No reservation is waiting for its client."
      />
      <BookingList
        id="live-holds"
        caption="Holds live now"
        rows={board.liveHolds}
        zoned={zoned}
        empty="Nobody is booking right now."
      />
    </>
  );
};
