import type { FC } from "hono/jsx";
import { PostForm } from "../components/fields.tsx";
import { CopyableText } from "../components/share.tsx";
import { formatDateTime } from "../format.ts";
import { paths } from "../paths.ts";

/** How to subscribe, in each calendar's own words (their menus as of 2026). */
const HowToSubscribe: FC = () => (
  <ul>
    <li>
      <strong>Google Calendar</strong> (on a computer): beside "Other calendars", choose + then "From URL",
      paste the address and choose "Add calendar". Google refreshes it every few hours.
    </li>
    <li>
      <strong>Apple Calendar</strong>: on a Mac, File › New Calendar Subscription; on an iPhone or iPad,
      Settings › Apps › Calendar › Calendar Accounts › Add Account › Other › Add Subscribed Calendar. Paste
      the address.
    </li>
    <li>
      <strong>Outlook</strong>: Add calendar › Subscribe from web, paste the address and choose Import.
    </li>
  </ul>
);

/**
 * The calendar feed part of Settings: whether there is one, the address once when it is made,
 * and the buttons to make a new one or turn it off.
 */
export const CalendarFeedSection: FC<{
  since: number | null;
  url?: string | undefined;
  zoned: { timeZone: string; locale: string };
}> = ({ since, url, zoned }) => (
  <section aria-labelledby="calendar-feed-title">
    <h2 id="calendar-feed-title">Calendar feed</h2>
    <p>
      See every booking in the calendar you already use: Spotbook gives you a private web address that Google,
      Apple and Outlook calendars subscribe to. Each booking shows with the client's name, package and balance
      due; cancelled bookings show as cancelled. Your calendar checks it for changes by itself, usually every
      few hours; bookings from a year ago on are listed.
    </p>
    <p class="hint">
      Anyone with the address can see your clients' names and bookings, so keep it to yourself. If it gets
      out, make a new one: the old address stops working at once.
    </p>
    {url ? (
      <CopyableText
        id="calendar-feed-url"
        label="Your calendar feed address"
        hint="Copy it now: for your clients' privacy it is not shown again (you can always make a new one)."
        button="Copy the address"
        text={url}
      />
    ) : (
      <p>
        {since === null
          ? "You have no calendar feed yet."
          : `Your calendar feed is on, made ${formatDateTime(since, zoned)}.`}
      </p>
    )}
    <HowToSubscribe />
    <PostForm action={paths.calendarFeed} class="actions">
      <button type="submit" class={since === null ? undefined : "secondary"}>
        {since === null ? "Make my calendar feed" : "Make a new address (the old one stops working)"}
      </button>
    </PostForm>
    {since !== null && (
      <PostForm action={paths.calendarFeedOff} class="actions">
        <button type="submit" class="secondary">
          Turn the calendar feed off
        </button>
      </PostForm>
    )}
  </section>
);
