import type { Context } from "hono";
import { sessionDetails } from "../../actions/sessions.ts";
import { studioContext } from "../../middleware/context.ts";
import type { SessionDetailsView } from "../../schemas/session-views.ts";
import type { AdminEnv } from "./env.ts";

/** The signed-in studio's session as the admin API shows it, or a 404 (another studio's is not here). */
export const loadSession = (c: Context<AdminEnv>, id: string): Promise<SessionDetailsView> =>
  sessionDetails(studioContext(c), id);
