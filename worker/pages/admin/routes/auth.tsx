import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { Hono } from "hono";
import { setUpSignIn, signIn } from "../../../actions/sign-in/sign-in.ts";
import { DomainError } from "../../../domain/errors.ts";
import { Email } from "../../../schemas/fields.ts";
import { currentLogin, endLogin, setLoginCookie } from "../auth/logins.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { SetupPage, SignInPage } from "../views/sign-in.tsx";

/** Sign-in and first-run set-up: the pages open to a browser that is not signed in. */
export const signInPages = new Hono<AdminEnv>();

const showSignIn = (c: Context<AdminEnv>, form: FormState, status: 200 | 401 | 422 | 429 = 200) => {
  c.status(status);
  return c.render(<SignInPage form={form} />);
};

signInPages.get("/sign-in", async (c) => {
  if (await currentLogin(c, Date.now())) return c.redirect(paths.root, 303);
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
  try {
    // The edge's client address: throttling is per (email, client network).
    const client = c.req.header("cf-connecting-ip");
    setLoginCookie(c, await signIn(c.var.db, { email, password, client }, Date.now()));
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return showSignIn(c, { ...form, message: err.detail }, err.status === 429 ? 429 : 401);
  }
  return c.redirect(paths.root, 303);
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
  try {
    setLoginCookie(c, await setUpSignIn(c.var.db, parsed.data, Date.now()));
  } catch (err) {
    if (!(err instanceof DomainError) || !err.errors) throw err;
    for (const { path, message } of err.errors) form.errors[path] = message;
    return showSetup(c, form, 422);
  }
  return c.redirect(withNotice(paths.root, "signed-up"), 303);
});

/** Sign out: registered behind the login guard, so `login` is set. */
export async function signOut(c: Context<AdminEnv>) {
  if (c.var.login) await endLogin(c, c.var.login);
  return c.redirect(paths.signIn, 303);
}
