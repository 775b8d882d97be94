import { Hono } from "hono";
import { setOpening } from "../../../actions/launch.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { showDetails } from "./session-details.tsx";

/** A session's opening time, set on its page through the same action as the admin API's rules. */
export const launchPages = new Hono<AdminEnv>();

launchPages.post("/:id/opening", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const at = {
    date: typed.required("openingDate", "Enter the date booking opens."),
    time: typed.required("openingTime", "Enter the time booking opens."),
  };
  return submitForm(c, typed, (ctx) => setOpening(ctx, id, at), {
    done: () => withNotice(paths.session(id), "opening-set"),
    refused: (form) => showDetails(c, id, { opening: form }),
  });
});

launchPages.post("/:id/opening/remove", (c) => {
  const id = c.req.param("id");
  return submitForm(c, new Converter({}), (ctx) => setOpening(ctx, id, null), {
    done: () => withNotice(paths.session(id), "opening-removed"),
    refused: (form) => showDetails(c, id, { action: form }),
  });
});
