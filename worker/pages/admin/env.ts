import type { Login } from "../../actions/sign-in/logins.ts";
import type { Bindings, Variables } from "../../env.ts";

/** The admin pages' context: the API's variables plus the login, set once signed in. */
export type AdminEnv = { Bindings: Bindings; Variables: Variables & { login?: Login } };
