import type { Context } from "hono";
import { Hono } from "hono";
import type { StudioContext } from "../../../actions/context.ts";
import { cancelSession, deleteSession, moveSpot, removeSpot } from "../../../actions/session-changes.ts";
import { updateSession } from "../../../actions/sessions.ts";
import { notFound } from "../../../domain/errors.ts";
import { utcToLocal } from "../../../domain/time.ts";
import { MoveSpot, UpdateSession } from "../../../schemas/sessions.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { loadSession } from "../session-view.ts";
import { submitForm } from "../submit.ts";
import {
  CancelSessionPage,
  DeleteSessionPage,
  EditSessionPage,
  MoveSpotPage,
} from "../views/session-changes.tsx";
import { dateAndTime } from "./inputs.ts";

/** Edit, cancel or delete a session; move or remove one of its free spots. */
export const sessionChangePages = new Hono<AdminEnv>();

const showEdit = async (c: Context<AdminEnv>, id: string, form?: FormState) => {
  const view = await loadSession(c, id);
  const values = { name: view.name, location: view.location, description: view.description };
  return c.render(<EditSessionPage view={view} form={form ?? formOf(values)} />);
};

sessionChangePages.get("/:id/edit", (c) => showEdit(c, c.req.param("id")));

sessionChangePages.post("/:id/edit", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const body = {
    name: typed.text("name"),
    location: typed.text("location"),
    description: typed.text("description"),
  };
  return submitForm(c, typed, (ctx) => updateSession(ctx, id, parseInput(UpdateSession, body)), {
    done: () => withNotice(paths.session(id), "session-saved"),
    refused: (form) => showEdit(c, id, form),
  });
});

const showCancel = async (c: Context<AdminEnv>, id: string, form = formOf()) =>
  c.render(<CancelSessionPage view={await loadSession(c, id)} locale={c.var.studio.locale} form={form} />);

sessionChangePages.get("/:id/cancel", (c) => showCancel(c, c.req.param("id")));

sessionChangePages.post("/:id/cancel", (c) => {
  const id = c.req.param("id");
  return submitForm(c, new Converter({}), (ctx) => cancelSession(ctx, id), {
    done: () => withNotice(paths.session(id), "session-cancelled"),
    refused: (form) => showCancel(c, id, form),
  });
});

const showDelete = async (c: Context<AdminEnv>, id: string, form = formOf()) =>
  c.render(<DeleteSessionPage view={await loadSession(c, id)} form={form} />);

sessionChangePages.get("/:id/delete", (c) => showDelete(c, c.req.param("id")));

sessionChangePages.post("/:id/delete", (c) => {
  const id = c.req.param("id");
  return submitForm(c, new Converter({}), (ctx) => deleteSession(ctx, id), {
    done: () => withNotice(paths.sessions, "session-deleted"),
    refused: (form) => showDelete(c, id, form),
  });
});

/** The session and the free spot its path names, or a 404. */
async function loadFreeSpot(c: Context<AdminEnv>) {
  const view = await loadSession(c, c.req.param("id") ?? "");
  const spot = view.spots.find((s) => s.id === c.req.param("spotId"));
  if (!spot) throw notFound("spot");
  return { view, spot };
}

const showMove = async (c: Context<AdminEnv>, form?: FormState) => {
  const { view, spot } = await loadFreeSpot(c);
  const values = utcToLocal(Date.parse(spot.startsAt), view.timeZone);
  return c.render(
    <MoveSpotPage view={view} spot={spot} locale={c.var.studio.locale} form={form ?? formOf(values)} />,
  );
};

sessionChangePages.get("/:id/spots/:spotId/move", (c) => showMove(c));

sessionChangePages.post("/:id/spots/:spotId/move", async (c) => {
  const { view, spot } = await loadFreeSpot(c);
  const typed = new Converter(await readForm(c));
  const act = (ctx: StudioContext) =>
    moveSpot(ctx, view.id, spot.id, parseInput(MoveSpot, dateAndTime(typed)));
  return submitForm(c, typed, act, {
    done: () => withNotice(paths.session(view.id), "spot-moved"),
    refused: (form) => showMove(c, form),
  });
});

sessionChangePages.post("/:id/spots/:spotId/remove", async (c) => {
  const { view, spot } = await loadFreeSpot(c);
  return submitForm(c, new Converter({}), (ctx) => removeSpot(ctx, view.id, spot.id), {
    done: () => withNotice(paths.session(view.id), "spot-removed"),
    refused: (form) => showMove(c, form),
  });
});
