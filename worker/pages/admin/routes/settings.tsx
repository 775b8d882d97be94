import type { Context } from "hono";
import { Hono } from "hono";
import { calendarFeedState, createCalendarFeed, revokeCalendarFeed } from "../../../actions/calendar-feed.ts";
import type { StudioContext } from "../../../actions/context.ts";
import { updateStudio } from "../../../actions/studios.ts";
import { noticeKinds, noticesOf } from "../../../domain/notices.ts";
import { twinOrigin, typedOrigin } from "../../../domain/origins.ts";
import type { Studio } from "../../../env.ts";
import { studioContext } from "../../../middleware/context.ts";
import { UpdateStudio } from "../../../schemas/studios.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { SettingsPage } from "../views/settings.tsx";

/** Studio Settings: everything PATCH /v1/admin/studio holds, as one form. */
export const settingsPages = new Hono<AdminEnv>();

const originsTyped = (text: string) =>
  text
    .split(/[\s,]+/)
    .map(typedOrigin)
    .filter(Boolean);

/** The form's values for the studio as it is. */
function valuesOf(studio: Studio) {
  const notices = noticesOf(studio.noticesOff);
  return {
    name: studio.name,
    email: studio.email ?? "",
    timeZone: studio.timeZone,
    currency: studio.currency,
    locale: studio.locale,
    allowedOrigins: studio.allowedOrigins.join("\n"),
    bookingPageUrl: studio.bookingPageUrl ?? "",
    holdMinutes: String(studio.holdMinutes),
    maxHoldsPerVisitor: String(studio.maxHoldsPerVisitor),
    sessionReminderHours: String(studio.sessionReminderHours),
    senderName: studio.senderName ?? "",
    paymentInstructions: studio.paymentInstructions,
    taxRatePercent: String(studio.taxRateBasisPoints / 100),
    taxInclusive: studio.taxInclusive ? "included" : "added",
    ...Object.fromEntries(noticeKinds.filter((k) => notices[k]).map((k) => [`notices.${k}`, "on"])),
  };
}

/** The other host of each allowed website that is not allowed yet. */
const twinsOf = (origins: string[]) =>
  origins.flatMap((o) => {
    const twin = twinOrigin(o);
    return twin && !origins.includes(twin) ? [twin] : [];
  });

async function show(c: Context<AdminEnv>, form: FormState, feedUrl?: string) {
  const ctx = studioContext(c);
  const feed = await calendarFeedState(ctx);
  const { timeZone, locale } = c.var.studio;
  return c.render(
    <SettingsPage
      form={form}
      twins={twinsOf(c.var.studio.allowedOrigins)}
      notice={c.req.query("done")}
      feed={{ since: feed?.createdAt ?? null, url: feedUrl, zoned: { timeZone, locale } }}
    />,
  );
}

/** The API's body from the form: blank optional fields are cleared, the websites one per line. */
function settingsInput(typed: Converter) {
  return {
    name: typed.text("name"),
    email: typed.optional("email") ?? null,
    timeZone: typed.text("timeZone").trim(),
    currency: typed.text("currency").trim().toUpperCase(),
    locale: typed.text("locale").trim(),
    allowedOrigins: originsTyped(typed.text("allowedOrigins")),
    bookingPageUrl: typed.optional("bookingPageUrl") ?? null,
    holdMinutes: typed.whole("holdMinutes", "Enter minutes, such as 15."),
    maxHoldsPerVisitor: typed.whole("maxHoldsPerVisitor", "Choose one or two."),
    sessionReminderHours: typed.whole("sessionReminderHours", "Enter hours, such as 24, or 0."),
    senderName: typed.optional("senderName") ?? null,
    paymentInstructions: typed.text("paymentInstructions"),
    // A cleared box charges no tax, as 0 does.
    taxRateBasisPoints: typed.optional("taxRatePercent")
      ? typed.basisPoints("taxRatePercent", "Enter a percentage such as 8.25, or 0.")
      : 0,
    taxInclusive: typed.text("taxInclusive") === "included",
    notices: Object.fromEntries(noticeKinds.map((k) => [k, typed.checked(`notices.${k}`)])),
  };
}

/**
 * The API names one website by its index ("allowedOrigins.2"); the form has one box for them all.
 * The form takes the tax rate as a percentage, the API as basis points.
 */
const fieldFor = (path: string) =>
  path.startsWith("allowedOrigins")
    ? "allowedOrigins"
    : path === "taxRateBasisPoints"
      ? "taxRatePercent"
      : path;

settingsPages.get("/", (c) => show(c, formOf(valuesOf(c.var.studio))));

settingsPages.post("/", async (c) => {
  const typed = new Converter(await readForm(c));
  const act = (ctx: StudioContext) => updateStudio(ctx, parseInput(UpdateStudio, settingsInput(typed)));
  return submitForm(
    c,
    typed,
    act,
    { done: () => withNotice(paths.settings, "settings-saved"), refused: (form) => show(c, form) },
    fieldFor,
  );
});

/** "Also allow": adds one website to those allowed. */
settingsPages.post("/allowed-origins", async (c) => {
  const typed = new Converter(await readForm(c));
  const origin = typedOrigin(typed.text("origin"));
  const origins = c.var.studio.allowedOrigins;
  const act = (ctx: StudioContext) =>
    updateStudio(
      ctx,
      parseInput(UpdateStudio, { allowedOrigins: origins.includes(origin) ? origins : [...origins, origin] }),
    );
  return submitForm(
    c,
    typed,
    act,
    {
      done: () => withNotice(paths.settings, "origin-allowed"),
      refused: (form) =>
        show(c, {
          ...formOf(valuesOf(c.var.studio)),
          message: Object.values(form.errors)[0] ?? form.message,
        }),
    },
    fieldFor,
  );
});

/**
 * A new calendar feed address, shown on this answer only (just its hash is kept), so it is not a
 * redirect: reloading would make yet another.
 */
settingsPages.post("/calendar-feed", async (c) => {
  const feed = await createCalendarFeed(studioContext(c));
  c.header("cache-control", "no-store");
  return show(c, formOf(valuesOf(c.var.studio)), feed.url);
});

settingsPages.post("/calendar-feed/off", async (c) => {
  await revokeCalendarFeed(studioContext(c));
  return c.redirect(withNotice(paths.settings, "calendar-feed-off"), 303);
});
