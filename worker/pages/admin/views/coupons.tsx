import type { FC } from "hono/jsx";
import { formatMoney } from "../../../domain/money.ts";
import type { SessionTypeWithPackages } from "../../../queries/session-types.ts";
import type { CouponView } from "../../../schemas/coupons.ts";
import { Checkbox, ErrorSummary, Field, PostForm, SelectField } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import type { FormState } from "../form.ts";
import { paths } from "../paths.ts";

type Props = {
  coupons: CouponView[];
  types: SessionTypeWithPackages[];
  form: FormState;
  currency: string;
  locale: string;
};

const limit = (n: number | null) => (n === null ? "No limit" : String(n));

/** The studio's codes, with their uses, and a form to add one. */
export const CouponsPage: FC<Props> = ({ coupons, types, form, currency, locale }) => {
  const typeName = (id: string) => types.find((t) => t.id === id)?.name ?? "A removed type";
  return (
    <>
      <Heading text="Coupons" />
      <h2 id="coupons-title">Codes</h2>
      {coupons.length === 0 ? (
        <p>No codes yet.</p>
      ) : (
        <table aria-labelledby="coupons-title">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Discount</th>
              <th scope="col">For</th>
              <th scope="col">Valid</th>
              <th scope="col">Uses</th>
              <th scope="col">Per client</th>
            </tr>
          </thead>
          <tbody>
            {coupons.map((c) => (
              <tr>
                <td>{c.code}</td>
                <td>{c.kind === "percent" ? `${c.value} %` : formatMoney(c.value, currency, locale)}</td>
                <td>{c.sessionTypeIds ? c.sessionTypeIds.map(typeName).join(", ") : "Every session type"}</td>
                <td>{c.startsOn || c.endsOn ? `${c.startsOn ?? "…"} to ${c.endsOn ?? "…"}` : "Always"}</td>
                <td>
                  {c.uses} of {limit(c.maxUses)}
                </td>
                <td>{limit(c.maxUsesPerClient)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add a Code</h2>
      <ErrorSummary form={form} />
      <PostForm action={paths.coupons}>
        <Field
          form={form}
          name="code"
          label="Code"
          hint="Letters, digits, - and _; clients type it in any case."
        />
        <SelectField
          form={form}
          name="kind"
          label="Discount"
          choices={[
            { value: "percent", label: "A percentage off" },
            { value: "amount", label: "An amount off" },
          ]}
        />
        <Field
          form={form}
          name="value"
          label="Percent or amount"
          hint={`A percentage (1 to 100) or an amount in ${currency}.`}
        />
        <fieldset>
          <legend>For session types (none ticked: all)</legend>
          {types.map((t) => (
            <Checkbox form={form} name={`type.${t.id}`} label={t.name} />
          ))}
        </fieldset>
        <Field form={form} name="startsOn" label="First day (optional)" type="date" />
        <Field form={form} name="endsOn" label="Last day (optional)" type="date" />
        <Field form={form} name="maxUses" label="Uses in all (optional)" inputmode="numeric" />
        <Field form={form} name="maxUsesPerClient" label="Uses per client (optional)" inputmode="numeric" />
        <button type="submit">Add Code</button>
      </PostForm>
    </>
  );
};
