import type { Context } from "hono";
import { Hono } from "hono";
import { announcementsOfSession, announceSession } from "../../../actions/announcements.ts";
import { sessionTypesOf } from "../../../actions/session-types.ts";
import { studioContext } from "../../../middleware/context.ts";
import { AnnounceInput } from "../../../schemas/announcements.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { loadSession } from "../session-view.ts";
import { submitForm } from "../submit.ts";
import { AnnouncePage } from "../views/announce.tsx";

/** Announce this session, from a Multi session's page: the JSON API's /announcements as a form. */
export const announcePages = new Hono<AdminEnv>();

const audienceOf = (sessionTypeId: string) =>
  parseInput(AnnounceInput, {
    audience: sessionTypeId ? { kind: "sessionType", sessionTypeId } : { kind: "all" },
  }).audience;

async function show(c: Context<AdminEnv>, id: string, form: FormState) {
  const ctx = studioContext(c);
  const view = await loadSession(c, id);
  const found = await announcementsOfSession(ctx, id, audienceOf(form.values.sessionTypeId ?? ""));
  const types = await sessionTypesOf(ctx);
  return c.render(
    <AnnouncePage
      view={view}
      form={form}
      sessionTypes={types.map((t) => ({ value: t.id, label: t.name }))}
      counts={found.audience}
      announced={found.announcements}
      zoned={{ timeZone: view.timeZone, locale: ctx.studio.locale }}
      notice={c.req.query("done")}
    />,
  );
}

announcePages.get("/:id/announce", (c) =>
  show(c, c.req.param("id"), formOf({ sessionTypeId: c.req.query("sessionTypeId") ?? "" })),
);

announcePages.post("/:id/announce", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const sessionTypeId = typed.text("sessionTypeId");
  return submitForm(c, typed, (ctx) => announceSession(ctx, id, audienceOf(sessionTypeId)), {
    done: () => withNotice(paths.sessionAction(id, "announce"), "announced"),
    refused: (form) => show(c, id, form),
  });
});
