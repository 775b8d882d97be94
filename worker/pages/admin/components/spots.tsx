import type { FC } from "hono/jsx";
import { formatMoney } from "../../../domain/money.ts";
import type { SessionDetailsView, SpotView } from "../../../schemas/session-views.ts";
import { bookingStatusLabels, formatDay, formatTime } from "../format.ts";
import { paths } from "../paths.ts";
import { BookingForms } from "./booking-forms.tsx";
import { BookingQuote } from "./booking-quote.tsx";

type Zoned = { timeZone: string; locale: string };

/** A spot's start and end in the session's time zone, machine-readable too. */
export const SpotTime: FC<{ spot: SpotView; zoned: Zoned }> = ({ spot, zoned }) => (
  <>
    <time datetime={spot.startsAt}>{formatTime(Date.parse(spot.startsAt), zoned)}</time> –{" "}
    <time datetime={spot.endsAt}>{formatTime(Date.parse(spot.endsAt), zoned)}</time>
  </>
);

/** Which spot a page is about: the session, its day and time, and the zone they are in. */
export const SpotWhen: FC<{ view: SessionDetailsView; spot: SpotView; locale: string }> = ({
  view,
  spot,
  locale,
}) => {
  const zoned = { timeZone: view.timeZone, locale };
  return (
    <p>
      {view.name}: {formatDay(Date.parse(spot.startsAt), zoned)}, <SpotTime spot={spot} zoned={zoned} /> (
      {view.timeZone})
    </p>
  );
};

const SpotRow: FC<{ view: SessionDetailsView; spot: SpotView; zoned: Zoned }> = ({ view, spot, zoned }) => {
  const { booking } = spot;
  const at = `${formatTime(Date.parse(spot.startsAt), zoned)}, ${formatDay(Date.parse(spot.startsAt), zoned)}`;
  return (
    <tr>
      <td>
        <SpotTime spot={spot} zoned={zoned} />
      </td>
      <td>{booking ? bookingStatusLabels[booking.status] : "Available"}</td>
      <td>
        {booking?.client ? `${booking.client.name} (${booking.client.email})` : "—"}
        <BookingQuote quote={booking?.quote} currency={view.totals.currency} locale={zoned.locale} />
        <BookingForms booking={booking} />
      </td>
      <td>{booking ? formatMoney(booking.balanceCents, view.totals.currency, zoned.locale) : "—"}</td>
      <td class="row-actions">
        {booking ? (
          <>
            <a href={paths.booking(booking.id)}>
              View Booking<span class="visually-hidden"> at {at}</span>
            </a>
            <a href={paths.cancelBooking(view.id, booking.id)}>
              Cancel Booking<span class="visually-hidden"> at {at}</span>
            </a>
          </>
        ) : (
          view.classification === "multi" &&
          view.status === "scheduled" && (
            <>
              <a href={paths.spot(view.id, spot.id)}>
                Reserve this Spot<span class="visually-hidden"> at {at}</span>
              </a>
              <a href={paths.spotAction(view.id, spot.id, "move")}>
                Move or Remove<span class="visually-hidden"> the spot at {at}</span>
              </a>
            </>
          )
        )}
      </td>
    </tr>
  );
};

/** A workshop's time: its seats left, and each booking on it with its seats, on one row. */
const SeatsRow: FC<{ view: SessionDetailsView; spots: SpotView[]; zoned: Zoned }> = ({
  view,
  spots,
  zoned,
}) => {
  const [first] = spots;
  if (!first) return null;
  const booked = spots.flatMap((s) => (s.booking ? [s.booking] : []));
  const left = spots.length - booked.reduce((sum, b) => sum + b.seats, 0);
  const free = spots.find((s) => s.available);
  const at = `${formatTime(Date.parse(first.startsAt), zoned)}, ${formatDay(Date.parse(first.startsAt), zoned)}`;
  const seats = (n: number) => (n === 1 ? "1 seat" : `${n} seats`);
  return (
    <tr>
      <td>
        <SpotTime spot={first} zoned={zoned} />
      </td>
      <td>{left > 0 ? `${left} of ${seats(spots.length)} left` : `Full (${seats(spots.length)})`}</td>
      <td>
        {booked.length === 0 ? (
          "—"
        ) : (
          <ul class="holders">
            {booked.map((b) => (
              <li>
                {b.client ? `${b.client.name} (${b.client.email})` : "A visitor"} · {seats(b.seats)} ·{" "}
                {bookingStatusLabels[b.status]} ·{" "}
                <a href={paths.cancelBooking(view.id, b.id)}>
                  Cancel Booking
                  <span class="visually-hidden">
                    {" "}
                    of {b.client?.name ?? "a visitor"} at {at}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {booked.length > 0
          ? formatMoney(
              booked.reduce((sum, b) => sum + b.balanceCents, 0),
              view.totals.currency,
              zoned.locale,
            )
          : "—"}
      </td>
      <td>
        {free && (
          <a href={paths.spot(view.id, free.id)}>
            Reserve a Seat<span class="visually-hidden"> at {at}</span>
          </a>
        )}
      </td>
    </tr>
  );
};

/** The session's spots, a table per day, each with its state, client and what can be done. */
export const Spots: FC<{ view: SessionDetailsView; locale: string }> = ({ view, locale }) => {
  const zoned = { timeZone: view.timeZone, locale };
  const days = Map.groupBy(view.spots, (spot) => formatDay(Date.parse(spot.startsAt), zoned));
  // Spots that start together are one time with seats (a workshop): one row each.
  const times = (spots: SpotView[]) => [...Map.groupBy(spots, (spot) => spot.startsAt).values()];
  return (
    <section id="spots" aria-labelledby="spots-title">
      <h2 id="spots-title">Spots</h2>
      <p>Times are in {view.timeZone}.</p>
      {[...days].map(([day, spots]) => (
        <table>
          <caption>{day}</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">State</th>
              <th scope="col">Client</th>
              <th scope="col">Balance due</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {times(spots).map((seats) =>
              seats.length > 1 ? (
                <SeatsRow view={view} spots={seats} zoned={zoned} />
              ) : (
                seats[0] && <SpotRow view={view} spot={seats[0]} zoned={zoned} />
              ),
            )}
          </tbody>
        </table>
      ))}
    </section>
  );
};
