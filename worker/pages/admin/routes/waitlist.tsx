import { Hono } from "hono";
import { moveEntry, offerSpotTo, setWaitlistOpen } from "../../../actions/waitlist.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { MoveEntrySchema, OfferSpotSchema } from "../../../schemas/waitlist.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { showDetails } from "./session-details.tsx";

/** The waitlist's buttons on a session's page, each calling the same action as the admin API. */
export const waitlistPages = new Hono<AdminEnv>();

const back = (id: string) => `${paths.session(id)}#waitlist`;

waitlistPages.post("/:id/waitlist", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const open = typed.text("open") === "on";
  return submitForm(c, typed, (ctx) => setWaitlistOpen(ctx, id, open), {
    done: () => withNotice(paths.session(id), open ? "waitlist-on" : "waitlist-off"),
    refused: (form) => showDetails(c, id, { action: form }),
  });
});

waitlistPages.post("/:id/waitlist/:entryId/move", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const body = { position: typed.whole("position", "Enter a place in line, such as 1.") };
  return submitForm(
    c,
    typed,
    (ctx) => moveEntry(ctx, c.req.param("entryId"), parseInput(MoveEntrySchema, body).position),
    {
      done: () => back(id),
      refused: (form) => showDetails(c, id, { action: form }),
    },
  );
});

waitlistPages.post("/:id/waitlist/:entryId/offer", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const body = parseInput(OfferSpotSchema, { spotId: typed.text("spotId") });
  return submitForm(c, typed, (ctx) => offerSpotTo(ctx, c.req.param("entryId"), body.spotId), {
    done: () => withNotice(paths.session(id), "waitlist-offered"),
    refused: (form) => showDetails(c, id, { action: form }),
  });
});
