import type { Context } from "hono";
import { Hono } from "hono";
import { shiftSession } from "../../../actions/session-shift.ts";
import { ShiftSession } from "../../../schemas/sessions.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { loadSession } from "../session-view.ts";
import { submitForm } from "../submit.ts";
import { MoveSessionPage } from "../views/session-move.tsx";

/** Move Session, from the session's page: POST /v1/admin/sessions/:id/shift's form. */
export const sessionMovePages = new Hono<AdminEnv>();

const showMove = async (c: Context<AdminEnv>, id: string, form: FormState) =>
  c.render(<MoveSessionPage view={await loadSession(c, id)} form={form} />);

sessionMovePages.get("/:id/shift", (c) => showMove(c, c.req.param("id"), formOf()));

sessionMovePages.post("/:id/shift", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const minutes = typed.text("minutes").trim();
  // Whichever of the two forms was sent: a number of minutes, or a date.
  const body = minutes
    ? { minutes: /^-?\d{1,6}$/.test(minutes) ? Number(minutes) : minutes }
    : { date: typed.text("date") };
  return submitForm(c, typed, (ctx) => shiftSession(ctx, id, parseInput(ShiftSession, body)), {
    done: () => withNotice(paths.session(id), "session-moved"),
    refused: (form) => showMove(c, id, form),
  });
});
