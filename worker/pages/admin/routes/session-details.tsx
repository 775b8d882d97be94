import type { Context } from "hono";
import { Hono } from "hono";
import { cancelBooking } from "../../../actions/bookings.ts";
import { findClients } from "../../../actions/clients.ts";
import type { StudioContext } from "../../../actions/context.ts";
import { lineOfSession } from "../../../actions/launch.ts";
import { reserveSpot } from "../../../actions/reservations.ts";
import {
  addSpots,
  assignClient,
  remindBalancesDue,
  requestConfirmation,
  updateSession,
} from "../../../actions/sessions.ts";
import { sessionWaitlist } from "../../../actions/waitlist.ts";
import { notFound } from "../../../domain/errors.ts";
import { utcToLocal } from "../../../domain/time.ts";
import { publicUrl, studioContext } from "../../../middleware/context.ts";
import type { SessionDetailsView } from "../../../schemas/session-views.ts";
import { AddSpots, ClientChoice, UpdateSession } from "../../../schemas/sessions.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { type NoticeCode, withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { loadSession } from "../session-view.ts";
import { submitForm } from "../submit.ts";
import {
  AddSpotsPage,
  AssignClientPage,
  CancelBookingPage,
  ReserveSpotPage,
} from "../views/session-actions.tsx";
import { SessionDetailsPage } from "../views/session-details.tsx";
import { clientChoice, dateAndTime } from "./inputs.ts";

/** A session's details page and the forms behind its buttons, each sent to the admin API. */
export const sessionDetailPages = new Hono<AdminEnv>();

/** A Single's date and time as the form shows them: the spot's start in the session's zone. */
function whenValues(view: SessionDetailsView) {
  const spot = view.spots[0];
  return spot ? utcToLocal(Date.parse(spot.startsAt), view.timeZone) : {};
}

/** The opening time as its form shows it: a date and time in the session's zone. */
const openingValues = (opensAt: number | null, timeZone: string): Record<string, string> => {
  if (opensAt === null) return {};
  const { date, time } = utcToLocal(opensAt, timeZone);
  return { openingDate: date, openingTime: time };
};

export async function showDetails(
  c: Context<AdminEnv>,
  id: string,
  forms: { when?: FormState; action?: FormState; opening?: FormState } = {},
) {
  const view = await loadSession(c, id);
  const multi = view.classification === "multi";
  const waitlist = multi ? await sessionWaitlist(studioContext(c), id) : undefined;
  const line = multi && view.status === "scheduled" ? await lineOfSession(studioContext(c), id) : undefined;
  return c.render(
    <SessionDetailsPage
      view={view}
      locale={c.var.studio.locale}
      origin={publicUrl(c)}
      allowedOrigins={c.var.studio.allowedOrigins}
      when={forms.when ?? formOf(whenValues(view))}
      action={forms.action ?? formOf()}
      notice={c.req.query("done")}
      waitlist={waitlist}
      line={line}
      opening={forms.opening ?? formOf(openingValues(line?.opensAt ?? null, view.timeZone))}
    />,
  );
}

/** A one-button action: back to the details with a notice, or with the refusal's reason on top. */
const buttonAction = (
  c: Context<AdminEnv>,
  id: string,
  act: (ctx: StudioContext) => Promise<unknown>,
  done: NoticeCode,
) =>
  submitForm(c, new Converter({}), act, {
    done: () => withNotice(paths.session(id), done),
    refused: (form) => showDetails(c, id, { action: form }),
  });

const clientsOf = (c: Context<AdminEnv>) => findClients(studioContext(c), undefined, 1000);

sessionDetailPages.get("/:id", (c) => showDetails(c, c.req.param("id")));

sessionDetailPages.post("/:id/when", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const act = (ctx: StudioContext) => updateSession(ctx, id, parseInput(UpdateSession, dateAndTime(typed)));
  return submitForm(c, typed, act, {
    done: () => withNotice(paths.session(id), "time-changed"),
    refused: (form) => showDetails(c, id, { when: form }),
  });
});

sessionDetailPages.post("/:id/confirmation-request", (c) => {
  const id = c.req.param("id");
  return buttonAction(c, id, (ctx) => requestConfirmation(ctx, id), "confirmation-sent");
});

sessionDetailPages.post("/:id/payment-reminders", (c) => {
  const id = c.req.param("id");
  return buttonAction(c, id, (ctx) => remindBalancesDue(ctx, id), "reminder-sent");
});

const showAssign = async (c: Context<AdminEnv>, id: string, form: FormState) =>
  c.render(<AssignClientPage view={await loadSession(c, id)} form={form} clients={await clientsOf(c)} />);

sessionDetailPages.get("/:id/client", (c) => showAssign(c, c.req.param("id"), formOf()));

sessionDetailPages.post("/:id/client", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const act = (ctx: StudioContext) => assignClient(ctx, id, parseInput(ClientChoice, clientChoice(typed)));
  return submitForm(c, typed, act, {
    done: () => withNotice(paths.session(id), "client-assigned"),
    refused: (form) => showAssign(c, id, form),
  });
});

const showAddSpots = async (c: Context<AdminEnv>, id: string, form: FormState) =>
  c.render(<AddSpotsPage view={await loadSession(c, id)} form={form} />);

sessionDetailPages.get("/:id/spots", (c) => showAddSpots(c, c.req.param("id"), formOf({ spots: "1" })));

sessionDetailPages.post("/:id/spots", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const body = {
    ...dateAndTime(typed),
    spots: typed.whole("spots", "Enter how many spots, such as 6."),
    sameTime: typed.checked("sameTime"),
  };
  return submitForm(c, typed, (ctx) => addSpots(ctx, id, parseInput(AddSpots, body)), {
    done: () => withNotice(paths.session(id), "spots-added"),
    refused: (form) => showAddSpots(c, id, form),
  });
});

/** The session and the spot its path names, or a 404. */
async function loadSpot(c: Context<AdminEnv>) {
  const view = await loadSession(c, c.req.param("id") ?? "");
  const spot = view.spots.find((s) => s.id === c.req.param("spotId"));
  if (!spot) throw notFound("spot");
  return { view, spot };
}

/** The session and the live booking its path names, with its spot, or a 404. */
async function loadBooking(c: Context<AdminEnv>) {
  const view = await loadSession(c, c.req.param("id") ?? "");
  const spot = view.spots.find((s) => s.booking?.id === c.req.param("bookingId"));
  if (!spot?.booking) throw notFound("booking");
  return { view, spot, booking: spot.booking };
}

const showReserve = async (c: Context<AdminEnv>, form: FormState) => {
  const { view, spot } = await loadSpot(c);
  const page = (
    <ReserveSpotPage
      view={view}
      spot={spot}
      locale={c.var.studio.locale}
      form={form}
      clients={await clientsOf(c)}
    />
  );
  return c.render(page);
};

sessionDetailPages.get("/:id/spots/:spotId", (c) => showReserve(c, formOf()));

sessionDetailPages.post("/:id/spots/:spotId", async (c) => {
  const { view, spot } = await loadSpot(c);
  const typed = new Converter(await readForm(c));
  const act = (ctx: StudioContext) =>
    reserveSpot(ctx, spot.id, parseInput(ClientChoice, clientChoice(typed)));
  return submitForm(c, typed, act, {
    done: () => withNotice(paths.session(view.id), "spot-reserved"),
    refused: (form) => showReserve(c, form),
  });
});

sessionDetailPages.get("/:id/bookings/:bookingId/cancel", async (c) => {
  const { view, spot, booking } = await loadBooking(c);
  return c.render(
    <CancelBookingPage view={view} spot={spot} booking={booking} locale={c.var.studio.locale} />,
  );
});

sessionDetailPages.post("/:id/bookings/:bookingId/cancel", async (c) => {
  const { view, booking } = await loadBooking(c);
  return submitForm(c, new Converter({}), (ctx) => cancelBooking(ctx, booking.id), {
    done: () => withNotice(paths.session(view.id), "booking-cancelled"),
    refused: (form) => showDetails(c, view.id, { action: form }),
  });
});
