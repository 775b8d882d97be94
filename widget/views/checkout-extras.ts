import { html, nothing } from "lit";
import { taxOf } from "../../worker/domain/pricing.ts";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { Package, Session } from "../schemas.ts";
import { renderField } from "./fields.ts";
import type { Amounts } from "./summary.ts";

/**
 * Party size, add-ons and a code, inside the booking form. The widget shows the price before the
 * code; the server prices the booking (discount and tax included) and answers the total.
 */

/** What the visitor chose so far, kept while they type: form field name → value. */
export type Extras = Record<string, string>;

const addOnField = (id: string) => `addOn.${id}`;
const count = (value: string | undefined, fallback: number) => {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** Whether a form field is one of these (the flow then keeps it and re-renders the price). */
export const isExtra = (name: string) =>
  name === "people" || name === "couponCode" || name.startsWith("addOn.");

/** The body's `people`, `addOns` and `couponCode` for `pkg`, from what the visitor chose. */
export function extrasBody(pkg: Package | undefined, extras: Extras) {
  const code = extras.couponCode?.trim();
  const addOns = (pkg?.addOns ?? [])
    .map((a) => ({ id: a.id, quantity: count(extras[addOnField(a.id)], 0) }))
    .filter((a) => a.quantity > 0);
  return {
    ...(pkg && pkg.maxPeople > 1 && { people: count(extras.people, pkg.peopleIncluded) }),
    ...(addOns.length > 0 && { addOns }),
    ...(code && { couponCode: code }),
  };
}

/**
 * The price before any code, line by line: the package (per seat, for a workshop), each person
 * beyond those included, the add-ons, and the studio's tax as the server will work it out.
 */
export function extrasAmounts(
  pkg: Package,
  session: Pick<Session, "currency" | "tax">,
  extras: Extras,
  seats = 1,
): Amounts {
  const body = extrasBody(pkg, extras);
  const extra = Math.max(0, (body.people ?? pkg.peopleIncluded) - pkg.peopleIncluded);
  const lines = [
    { kind: "package" as const, label: pkg.name, quantity: seats, totalCents: pkg.priceCents * seats },
    ...(extra > 0 && pkg.extraPersonCents > 0
      ? [{ kind: "people" as const, label: "", quantity: extra, totalCents: extra * pkg.extraPersonCents }]
      : []),
    ...(body.addOns ?? []).flatMap((a) => {
      const addOn = pkg.addOns.find((o) => o.id === a.id);
      return addOn
        ? [
            {
              kind: "add_on" as const,
              label: addOn.name,
              quantity: a.quantity,
              totalCents: a.quantity * addOn.priceCents,
            },
          ]
        : [];
    }),
  ];
  const subtotal = lines.reduce((sum, l) => sum + l.totalCents, 0);
  const taxCents = taxOf(subtotal, session.tax);
  const amountCents = session.tax.inclusive ? subtotal : subtotal + taxCents;
  return {
    currency: session.currency,
    amountCents,
    depositCents: Math.min(pkg.depositCents * seats, amountCents),
    paidCents: 0,
    balanceCents: amountCents,
    quote: {
      lines,
      couponCode: null,
      discountCents: 0,
      taxCents,
      taxInclusive: session.tax.inclusive,
      amountCents,
    },
  };
}

const numberField = (
  name: string,
  label: string,
  hint: string,
  value: number,
  min: number,
  max: number,
) => html`
  <div class="field" part="field">
    <label part="label" for=${name}>${label} <span class="muted">${hint}</span></label>
    <input part="input" id=${name} name=${name} type="number" inputmode="numeric" min=${min} max=${max} .value=${String(value)} />
  </div>
`;

export function renderCheckoutExtras(
  format: Format,
  pkg: Package | undefined,
  currency: string,
  extras: Extras,
  couponError: string | undefined,
) {
  const money = (cents: number) => format.money(cents, currency);
  return html`
    ${
      pkg && pkg.maxPeople > 1
        ? numberField(
            "people",
            t("people"),
            pkg.extraPersonCents > 0
              ? t("peopleIncluded", { count: pkg.peopleIncluded, each: money(pkg.extraPersonCents) })
              : "",
            count(extras.people, pkg.peopleIncluded),
            1,
            pkg.maxPeople,
          )
        : nothing
    }
    ${
      pkg && pkg.addOns.length > 0
        ? html`<fieldset class="field" part="field add-ons">
            <legend part="label">${t("addOns")}</legend>
            ${pkg.addOns.map((a) =>
              numberField(
                addOnField(a.id),
                a.name,
                t("each", { price: money(a.priceCents) }),
                count(extras[addOnField(a.id)], 0),
                0,
                a.maxPerBooking ?? 20,
              ),
            )}
          </fieldset>`
        : nothing
    }
    ${renderField("couponCode", t("code"), "text", "off", extras.couponCode ?? "", couponError)}
  `;
}
