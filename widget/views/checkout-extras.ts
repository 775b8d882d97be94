import { html, nothing } from "lit";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { Package } from "../schemas.ts";
import type { Amounts } from "./parts.ts";
import { renderField } from "./parts.ts";

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

/** The price before any code: the package, each person beyond those included, the add-ons. */
export function extrasAmounts(pkg: Package, currency: string, extras: Extras, seats = 1): Amounts {
  const body = extrasBody(pkg, extras);
  const people = Math.max(0, (body.people ?? pkg.peopleIncluded) - pkg.peopleIncluded) * pkg.extraPersonCents;
  const addOns = (body.addOns ?? []).reduce(
    (sum, a) => sum + a.quantity * (pkg.addOns.find((o) => o.id === a.id)?.priceCents ?? 0),
    0,
  );
  // A workshop's package is priced per seat.
  const amountCents = pkg.priceCents * seats + people + addOns;
  return {
    currency,
    amountCents,
    depositCents: pkg.depositCents * seats,
    paidCents: 0,
    balanceCents: amountCents,
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
    ${renderField(
      { name: "couponCode", label: t("code"), type: "text", autocomplete: "off" },
      extras.couponCode ?? "",
      couponError,
    )}
  `;
}
