import type { FC } from "hono/jsx";
import type { FormState } from "../form.ts";
import { Field } from "./fields.tsx";

/** Session Date and Session Time, as typed on the wall clock of the session's time zone. */
export const DateTimeFields: FC<{ form: FormState; timeZone: string; dateHint?: string }> = ({
  form,
  timeZone,
  dateHint,
}) => (
  <>
    <Field form={form} name="date" label="Session Date" type="date" hint={dateHint} required />
    <Field form={form} name="time" label="Session Time" type="time" hint={`In ${timeZone}.`} required />
  </>
);
