import type { Context } from "hono";
import { Hono } from "hono";
import { searchClients } from "../../queries/clients.ts";
import { listSessionTypes } from "../../queries/session-types.ts";
import { listSessions } from "../../queries/sessions.ts";
import { submitForm } from "../api.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { SchedulePage } from "../pages/schedule.tsx";
import { SessionsPage } from "../pages/sessions.tsx";
import { paths } from "../paths.ts";
import { dateAndTime } from "./inputs.ts";

export const sessionPages = new Hono<AdminEnv>();

sessionPages.get("/", async (c) => {
  const now = Date.now();
  const all = await listSessions(c.var.db, c.var.studio.id, now);
  const upcoming = all.filter((s) => s.lastEndsAt === null || s.lastEndsAt >= now).reverse();
  const past = all.filter((s) => s.lastEndsAt !== null && s.lastEndsAt < now);
  return c.render(
    <SessionsPage upcoming={upcoming} past={past} studio={c.var.studio} notice={c.req.query("done")} />,
  );
});

async function showSchedule(c: Context<AdminEnv>, form: FormState) {
  const { db, studio } = c.var;
  const [types, clients] = await Promise.all([
    listSessionTypes(db, studio.id),
    searchClients(db, studio.id, undefined, 1000),
  ]);
  return c.render(
    <SchedulePage
      form={form}
      types={types.filter((t) => t.active)}
      clients={clients}
      timeZone={studio.timeZone}
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
  return submitForm<{ session: { id: string } }>(
    c,
    { method: "POST", path: "/v1/admin/sessions", body: scheduleInput(typed) },
    typed,
    {
      done: ({ session }) => withNotice(paths.session(session.id), "session-scheduled"),
      refused: (form) => showSchedule(c, form),
    },
  );
});
