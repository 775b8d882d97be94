import type { Bindings, Variables } from "../env.ts";

/** The signed-in browser: its admin_logins row and the token every form must carry back. */
export type Login = { id: string; csrfToken: string };

/** The admin pages' context: the API's variables plus the login, set once signed in. */
export type AdminEnv = { Bindings: Bindings; Variables: Variables & { login?: Login } };
