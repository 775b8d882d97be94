import type { Context } from "hono";
import { Hono } from "hono";
import { findClients } from "../../../actions/clients.ts";
import { sessionTypesOf } from "../../../actions/session-types.ts";
import { scheduleSession, sessionsOf } from "../../../actions/sessions.ts";
import { studioContext } from "../../../middleware/context.ts";
import { CreateSession } from "../../../schemas/sessions.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { SchedulePage } from "../views/schedule.tsx";
import { SessionsPage } from "../views/sessions.tsx";
import { dateAndTime } from "./inputs.ts";

export const sessionPages = new Hono<AdminEnv>();

sessionPages.get("/", async (c) => {
  const ctx = studioContext(c);
  const now = ctx.now;
  const all = await sessionsOf(ctx);
  const upcoming = all.filter((s) => s.lastEndsAt === null || s.lastEndsAt >= now).reverse();
  const past = all.filter((s) => s.lastEndsAt !== null && s.lastEndsAt < now);
  return c.render(
    <SessionsPage upcoming={upcoming} past={past} studio={c.var.studio} notice={c.req.query("done")} />,
  );
});

async function showSchedule(c: Context<AdminEnv>, form: FormState) {
  const ctx = studioContext(c);
  const [types, clients] = await Promise.all([sessionTypesOf(ctx), findClients(ctx, undefined, 1000)]);
  return c.render(
    <SchedulePage
      form={form}
      types={types.filter((t) => t.active)}
      clients={clients}
      timeZone={ctx.studio.timeZone}
    />,
  );
}

/** The API's Single or Multi body: only the chosen classification's fields are sent. */
function scheduleInput(typed: Converter) {
  const classification = typed.text("classification");
  const common = {
    classification,
    name: typed.text("name"),
    sessionTypeId: typed.required("sessionTypeId", "Choose a session type."),
    ...dateAndTime(typed),
  };
  return classification === "multi"
    ? {
        ...common,
        spots: typed.whole("spots", "Enter how many spots, such as 6."),
        sameTime: typed.checked("sameTime"),
      }
    : {
        ...common,
        packageId: typed.optional("packageId") ?? null,
        clientId: typed.optional("clientId") ?? null,
      };
}

sessionPages.get("/new", (c) => showSchedule(c, formOf({ classification: "single", spots: "1" })));

sessionPages.post("/new", async (c) => {
  const typed = new Converter(await readForm(c));
  return submitForm(
    c,
    typed,
    (ctx) => scheduleSession(ctx, parseInput(CreateSession, scheduleInput(typed))),
    {
      done: (session) => withNotice(paths.session(session.id), "session-scheduled"),
      refused: (form) => showSchedule(c, form),
    },
  );
});
