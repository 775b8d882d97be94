import type { FC } from "hono/jsx";
import { formatMoney } from "../../../domain/money.ts";
import type { SessionTypeWithPackages } from "../../../queries/session-types.ts";
import type { CouponView } from "../../../schemas/coupons.ts";
import { Checkbox, ErrorSummary, Field, PostForm, SelectField } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
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

/** A code's settings, the same when adding one and when editing it. */
const CouponFields: FC<{ form: FormState; types: SessionTypeWithPackages[]; currency: string }> = ({
  form,
  types,
  currency,
}) => (
  <>
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
  </>
);

/** The studio's codes, with their uses, and a form to add one. */
export const CouponsPage: FC<Props & { notice?: string | undefined }> = ({
  coupons,
  types,
  form,
  currency,
  locale,
  notice,
}) => {
  const typeName = (id: string) => types.find((t) => t.id === id)?.name ?? "A removed type";
  return (
    <>
      <Heading text="Coupons" />
      <Notice code={notice} />
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
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
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
                <td>
                  <a href={paths.coupon(c.id)}>Edit {c.code}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add a Code</h2>
      <ErrorSummary form={form} />
      <PostForm action={paths.coupons}>
        <CouponFields form={form} types={types} currency={currency} />
        <button type="submit">Add Code</button>
      </PostForm>
    </>
  );
};

/**
 * One code's settings to change, and its deletion: a code bookings used is ended now instead,
 * so they keep their discount and its record.
 */
export const CouponPage: FC<{
  coupon: CouponView;
  types: SessionTypeWithPackages[];
  form: FormState;
  currency: string;
}> = ({ coupon, types, form, currency }) => (
  <>
    <Heading text={`Code ${coupon.code}`} />
    <ErrorSummary form={form} />
    <PostForm action={paths.coupon(coupon.id)}>
      <CouponFields form={form} types={types} currency={currency} />
      <button type="submit">Save Code</button>
    </PostForm>
    <h2>Delete this code</h2>
    <p>
      {coupon.uses > 0
        ? `Bookings used this code ${coupon.uses} ${coupon.uses === 1 ? "time" : "times"}: deleting it ends it now, so no one can take it any more while those bookings keep their discount.`
        : "No booking used this code, so it is deleted for good."}
    </p>
    <PostForm action={paths.deleteCoupon(coupon.id)} class="actions">
      <button type="submit" class="secondary">
        {coupon.uses > 0 ? "End this code" : "Delete this code"}
      </button>
    </PostForm>
    <p>
      <a href={paths.coupons}>Back to Coupons</a>
    </p>
  </>
);
