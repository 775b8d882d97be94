import type { FC } from "hono/jsx";
import { type NoticeKind, noticeKinds, noticeLabels } from "../../../domain/notices.ts";
import { Checkbox, ErrorSummary, Field, PostForm, SelectField, TextArea } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import type { FormState } from "../form.ts";
import { paths } from "../paths.ts";
import { CalendarFeedSection } from "./calendar-feed.tsx";

/** The websites the widget may be embedded on, explained, with the other host of each offered. */
const Websites: FC<{ form: FormState; twins: string[] }> = ({ form, twins }) => (
  <fieldset>
    <legend>Your websites</legend>
    <p class="hint">
      The booking widget works only on the websites listed here, so that no other site can show your sessions
      as its own. Type each address your visitors use, one per line, such as
      https://www.example-photography.com. A site reached both with and without "www." needs both.
    </p>
    <TextArea form={form} name="allowedOrigins" label="Websites allowed to show your booking" />
    {twins.map((twin) => (
      <PostForm action={paths.allowOrigin} class="actions">
        <input type="hidden" name="origin" value={twin} />
        <span>Visitors may also reach your site as {twin}.</span>
        <button type="submit" class="secondary">
          Also allow {twin}
        </button>
      </PostForm>
    ))}
    <Field
      form={form}
      name="bookingPageUrl"
      label="Booking page URL (optional)"
      hint="The page of your site with the widget. Clients' links in emails open it; left blank, they open a page of Spotbook's."
    />
  </fieldset>
);

/** The calendar feed's state for the page: since when it is on, and its address just after it is made. */
export type FeedShown = { since: number | null; url?: string; zoned: { timeZone: string; locale: string } };

export const SettingsPage: FC<{ form: FormState; twins: string[]; notice?: string; feed: FeedShown }> = ({
  form,
  twins,
  notice,
  feed,
}) => (
  <>
    <Heading text="Studio Settings" />
    <Notice code={notice} />
    <p>
      The words of each email are in <a href={paths.emailTemplates}>Email Templates</a>.
    </p>
    <ErrorSummary form={form} />
    <PostForm action={paths.settings}>
      <fieldset>
        <legend>Studio</legend>
        <Field form={form} name="name" label="Studio name" hint="Clients see it in every email." />
        <Field
          form={form}
          name="email"
          label="Sign-in email"
          type="email"
          hint="Clients' replies come here too."
        />
        <Field
          form={form}
          name="timeZone"
          label="Time zone"
          hint="An IANA time zone such as America/New_York."
        />
        <Field form={form} name="currency" label="Currency" hint="A three-letter code such as USD." />
        <Field
          form={form}
          name="locale"
          label="Language and region"
          hint="How dates and amounts are written, such as en-US."
        />
      </fieldset>
      <Websites form={form} twins={twins} />
      <fieldset>
        <legend>Booking</legend>
        <Field
          form={form}
          name="holdMinutes"
          label="Hold minutes"
          inputmode="numeric"
          hint="How long a spot stays held for a visitor while they fill in their details (5 to 120)."
        />
        <SelectField
          form={form}
          name="maxHoldsPerVisitor"
          label="Spots a visitor may hold at once"
          choices={[
            { value: "1", label: "One" },
            { value: "2", label: "Two (for a workshop's seats)" },
          ]}
        />
        <Field
          form={form}
          name="sessionReminderHours"
          label="Session reminder: hours before"
          inputmode="numeric"
          hint="Clients are reminded of their session this many hours before it; 0 sends no reminder. Payment reminders are set on each session type."
        />
      </fieldset>
      <fieldset>
        <legend>Email and payment</legend>
        <Field
          form={form}
          name="senderName"
          label="Sender name (optional)"
          hint="The name clients see their emails come from; left blank, the deployment's own."
        />
        <TextArea
          form={form}
          name="paymentInstructions"
          label="Payment instructions"
          hint='Shown to clients when online payment is off, such as "Pay by Venmo @studio or cash on the day".'
        />
      </fieldset>
      <fieldset>
        <legend>Tax</legend>
        <Field
          form={form}
          name="taxRatePercent"
          label="Tax rate (%)"
          inputmode="decimal"
          hint="A percentage such as 8.25, at most 50; 0 charges no tax."
        />
        <SelectField
          form={form}
          name="taxInclusive"
          label="Tax and your prices"
          hint="Added: clients pay the price plus tax. Included: the price already contains it."
          choices={[
            { value: "added", label: "Added to my prices" },
            { value: "included", label: "Included in my prices" },
          ]}
        />
      </fieldset>
      <fieldset>
        <legend>Email me when</legend>
        {noticeKinds.map((kind: NoticeKind) => (
          <Checkbox form={form} name={`notices.${kind}`} label={noticeLabels[kind]} />
        ))}
      </fieldset>
      <button type="submit">Save Settings</button>
    </PostForm>
    <CalendarFeedSection {...feed} />
  </>
);
