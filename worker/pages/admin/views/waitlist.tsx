import type { FC } from "hono/jsx";
import type { WaitlistEntryRow, WaitlistOfferRow } from "../../../queries/waitlist.ts";
import type { SessionDetailsView } from "../../../schemas/session-views.ts";
import { PostForm } from "../components/fields.tsx";
import { formatDateTime } from "../format.ts";
import { paths } from "../paths.ts";

export type WaitlistData = {
  open: boolean;
  entries: WaitlistEntryRow[];
  offers: { offer: WaitlistOfferRow; startsAt: number; name: string }[];
};

const entryLabels: Record<WaitlistEntryRow["status"], string> = {
  waiting: "Waiting",
  booked: "Booked",
  missed: "Missed an offer",
  left: "Left",
};
const offerLabels: Record<WaitlistOfferRow["status"], string> = {
  offered: "Held for them",
  booked: "Booked",
  lapsed: "Not booked in time",
};

type Zoned = { timeZone: string; locale: string };

const timesText = (entry: WaitlistEntryRow) =>
  entry.times?.length
    ? entry.times
        .map((t) => `${t.date}${t.from || t.to ? ` ${t.from ?? "…"}–${t.to ?? "…"}` : ""}`)
        .join(", ")
    : "Any time";

const EntryRow: FC<{
  view: SessionDetailsView;
  entry: WaitlistEntryRow;
  place: number | null;
  free: SessionDetailsView["spots"];
  zoned: Zoned;
}> = ({ view, entry, place, free, zoned }) => (
  <tr>
    <td>{place ?? "—"}</td>
    <td>
      {entry.name} ({entry.email})
    </td>
    <td>{timesText(entry)}</td>
    <td>{entryLabels[entry.status]}</td>
    <td>
      {place !== null && (
        <PostForm action={paths.waitlistEntry(view.id, entry.id, "move")} class="inline">
          <label>
            Move to place <input name="position" type="number" min="1" value={String(place)} size={3} />
          </label>
          <button type="submit" class="secondary">
            Move<span class="visually-hidden"> {entry.name}</span>
          </button>
        </PostForm>
      )}
      {(entry.status === "waiting" || entry.status === "missed") && free.length > 0 && (
        <PostForm action={paths.waitlistEntry(view.id, entry.id, "offer")} class="inline">
          <label>
            Spot{" "}
            <select name="spotId">
              {free.map((s) => (
                <option value={s.id}>{formatDateTime(Date.parse(s.startsAt), zoned)}</option>
              ))}
            </select>
          </label>
          <button type="submit" class="secondary">
            Offer a Spot<span class="visually-hidden"> to {entry.name}</span>
          </button>
        </PostForm>
      )}
    </td>
  </tr>
);

/** The session's waitlist: the line in order with what the photographer can do, and every offer's outcome. */
export const Waitlist: FC<{ view: SessionDetailsView; waitlist: WaitlistData; locale: string }> = ({
  view,
  waitlist,
  locale,
}) => {
  const zoned = { timeZone: view.timeZone, locale };
  const free = view.spots.filter((s) => !s.booking && Date.parse(s.startsAt) > Date.now());
  let place = 0;
  return (
    <section id="waitlist" aria-labelledby="waitlist-title">
      <h2 id="waitlist-title">Waitlist</h2>
      <p>
        {waitlist.open
          ? "On: when the session is full, visitors can join; each freed spot is held for the first person whose times fit, and they are emailed."
          : "Off: nobody can join, and freed spots are open to everyone."}
      </p>
      <PostForm action={paths.waitlistSetting(view.id)}>
        <input type="hidden" name="open" value={waitlist.open ? "off" : "on"} />
        <button type="submit" class="secondary">
          {waitlist.open ? "Turn Waitlist Off" : "Turn Waitlist On"}
        </button>
      </PostForm>
      {waitlist.entries.length === 0 ? (
        <p>Nobody is on the waitlist.</p>
      ) : (
        <table>
          <caption>In line</caption>
          <thead>
            <tr>
              <th scope="col">Place</th>
              <th scope="col">Person</th>
              <th scope="col">Times that suit</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {waitlist.entries.map((entry) => (
              <EntryRow
                view={view}
                entry={entry}
                place={entry.status === "waiting" ? ++place : null}
                free={free}
                zoned={zoned}
              />
            ))}
          </tbody>
        </table>
      )}
      {waitlist.offers.length > 0 && (
        <table>
          <caption>Offers</caption>
          <thead>
            <tr>
              <th scope="col">Offered</th>
              <th scope="col">To</th>
              <th scope="col">Spot</th>
              <th scope="col">Held until</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {waitlist.offers.map(({ offer, startsAt, name }) => (
              <tr>
                <td>{formatDateTime(offer.createdAt, zoned)}</td>
                <td>{name}</td>
                <td>{formatDateTime(startsAt, zoned)}</td>
                <td>{formatDateTime(offer.expiresAt, zoned)}</td>
                <td>{offerLabels[offer.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
