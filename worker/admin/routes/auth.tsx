import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { Hono } from "hono";
import { Email } from "../../http/schemas.ts";
import { studioByAdminToken } from "../../queries/studios.ts";
import {
  clearFailures,
  findAccount,
  isLocked,
  lockMinutes,
  maxFailures,
  recordFailure,
} from "../auth/lockout.ts";
import { currentLogin, endAllLogins, endLogin, newLogin, setLoginCookie } from "../auth/logins.ts";
import { decoyHash, hashPassword, verifyPassword } from "../auth/password.ts";
import { emailTakenByAnother, setCredentials } from "../auth/setup.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { type FormState, formOf, readForm } from "../form.ts";
import { SetupPage, SignInPage } from "../pages/sign-in.tsx";
import { paths } from "../paths.ts";

/** Sign-in and first-run set-up: the pages open to a browser that is not signed in. */
export const signInPages = new Hono<AdminEnv>();

const lockedOut = `Sign-in is locked for ${lockMinutes} minutes after ${maxFailures} failed attempts. Try again later.`;

const showSignIn = (c: Context<AdminEnv>, form: FormState, status: 200 | 401 | 422 | 429 = 200) => {
  c.status(status);
  return c.render(<SignInPage form={form} />);
};

signInPages.get("/sign-in", async (c) => {
  if (await currentLogin(c, Date.now())) return c.redirect(paths.sessions, 303);
  return showSignIn(c, formOf());
});

signInPages.post("/sign-in", async (c) => {
  const values = await readForm(c);
  const email = (values.email ?? "").trim().toLowerCase();
  const password = values.password ?? "";
  const form = formOf({ email: values.email ?? "" });
  if (!email || !password) {
    if (!email) form.errors.email = "Enter your email address.";
    if (!password) form.errors.password = "Enter your password.";
    return showSignIn(c, form, 422);
  }
  const db = c.var.db;
  const now = Date.now();
  const account = await findAccount(db, email);
  if (isLocked(account, now)) return showSignIn(c, { ...form, message: lockedOut }, 429);
  // An unknown email is checked against a decoy, so it takes as long as a wrong password.
  const matches = await verifyPassword(password, account.studio?.passwordHash ?? (await decoyHash()));
  if (!account.studio || !matches) {
    if (await recordFailure(db, account, now)) return showSignIn(c, { ...form, message: lockedOut }, 429);
    return showSignIn(c, { ...form, message: "That email and password do not match." }, 401);
  }
  const login = await newLogin(db, account.studio.id, now);
  await db.batch([...login.writes, clearFailures(db, account.studio.id)]);
  setLoginCookie(c, login.token);
  return c.redirect(paths.sessions, 303);
});

const Setup = z
  .object({
    adminToken: z.string().trim().min(1, "Paste the studio's admin token."),
    email: Email,
    password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords are not the same.",
  });

const showSetup = (c: Context<AdminEnv>, form: FormState, status: 200 | 422 = 200) => {
  c.status(status);
  return c.render(<SetupPage form={form} />);
};

signInPages.get("/setup", (c) => showSetup(c, formOf()));

signInPages.post("/setup", async (c) => {
  const values = await readForm(c);
  const form = formOf({ email: values.email ?? "" });
  const parsed = Setup.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) form.errors[issue.path.join(".")] ??= issue.message;
    return showSetup(c, form, 422);
  }
  const { adminToken, email, password } = parsed.data;
  const db = c.var.db;
  const studio = await studioByAdminToken(db, adminToken);
  if (!studio) form.errors.adminToken = "This is not a studio's admin token.";
  else if (await emailTakenByAnother(db, studio.id, email)) {
    form.errors.email = "Another studio signs in with this email; choose another.";
  }
  if (!studio || Object.keys(form.errors).length > 0) return showSetup(c, form, 422);
  const now = Date.now();
  const login = await newLogin(db, studio.id, now);
  await db.batch([
    setCredentials(db, studio.id, email, await hashPassword(password)),
    endAllLogins(db, studio.id),
    ...login.writes,
  ]);
  setLoginCookie(c, login.token);
  return c.redirect(withNotice(paths.sessions, "signed-up"), 303);
});

/** Sign out: registered behind the login guard, so `login` is set. */
export async function signOut(c: Context<AdminEnv>) {
  if (c.var.login) await endLogin(c, c.var.login);
  return c.redirect(paths.signIn, 303);
}
