import type { FC } from "hono/jsx";
import { ErrorSummary, Field, PostForm } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import type { FormState } from "../form.ts";
import { paths } from "../paths.ts";

export const SignInPage: FC<{ form: FormState }> = ({ form }) => (
  <>
    <Heading text="Sign in" />
    <ErrorSummary form={form} />
    <PostForm action={paths.signIn}>
      <Field form={form} name="email" label="Email" type="email" autocomplete="username" required />
      <Field
        form={form}
        name="password"
        label="Password"
        type="password"
        autocomplete="current-password"
        required
        keep={false}
      />
      <button type="submit">Sign in</button>
    </PostForm>
    <p>
      First time here, or forgot the password? <a href={paths.setup}>Set up sign-in with the admin token</a>.
    </p>
  </>
);

export const SetupPage: FC<{ form: FormState }> = ({ form }) => (
  <>
    <Heading text="Set up sign-in" />
    <p>
      Paste the admin token your studio was given when it was created, then choose the email and password you
      will sign in with. Doing this again sets a new password and signs out every other browser.
    </p>
    <ErrorSummary form={form} />
    <PostForm action={paths.setup}>
      <Field
        form={form}
        name="adminToken"
        label="Admin token"
        hint="It starts with sbk_admin_."
        type="password"
        autocomplete="off"
        required
        keep={false}
      />
      <Field form={form} name="email" label="Email" type="email" autocomplete="username" required />
      <Field
        form={form}
        name="password"
        label="Password"
        hint="At least 10 characters."
        type="password"
        autocomplete="new-password"
        required
        keep={false}
      />
      <Field
        form={form}
        name="confirmPassword"
        label="Confirm password"
        type="password"
        autocomplete="new-password"
        required
        keep={false}
      />
      <button type="submit">Save and sign in</button>
    </PostForm>
    <p>
      <a href={paths.signIn}>Back to sign in</a>
    </p>
  </>
);
