import type { Context } from "hono";
import { Hono } from "hono";
import { couponById, couponsOf, createCoupon, deleteCoupon, updateCoupon } from "../../../actions/coupons.ts";
import { sessionTypesOf } from "../../../actions/session-types.ts";
import { studioContext } from "../../../middleware/context.ts";
import { type CouponView, CreateCoupon, toCoupon, UpdateCoupon } from "../../../schemas/coupons.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, type FormValues, formatAmount, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { CouponPage, CouponsPage } from "../views/coupons.tsx";

export const couponPages = new Hono<AdminEnv>();

async function show(c: Context<AdminEnv>, form: FormState) {
  const ctx = studioContext(c);
  const [coupons, types] = await Promise.all([couponsOf(ctx), sessionTypesOf(ctx)]);
  const { currency, locale } = c.var.studio;
  return c.render(
    <CouponsPage
      coupons={coupons.map(toCoupon)}
      types={types}
      form={form}
      currency={currency}
      locale={locale}
      notice={c.req.query("done")}
    />,
  );
}

couponPages.get("/", (c) => show(c, formOf({ kind: "percent" })));

/** The API's code from the form: blank limits and dates are none, no type ticked is every type. */
function couponInput(typed: Converter, currency: string) {
  const kind = typed.text("kind");
  const ticked = Object.keys(typed.values)
    .filter((name) => name.startsWith("type.") && typed.checked(name))
    .map((name) => name.slice("type.".length));
  const optionalWhole = (name: string) =>
    typed.text(name).trim() ? typed.whole(name, "Enter a whole number.") : null;
  return {
    code: typed.text("code"),
    kind,
    value:
      kind === "amount"
        ? typed.money("value", currency, "Enter the amount off.")
        : typed.whole("value", "Enter a percentage from 1 to 100."),
    sessionTypeIds: ticked.length > 0 ? ticked : null,
    startsOn: typed.optional("startsOn") ?? null,
    endsOn: typed.optional("endsOn") ?? null,
    maxUses: optionalWhole("maxUses"),
    maxUsesPerClient: optionalWhole("maxUsesPerClient"),
  };
}

/** The form's values for a code as it is. */
const valuesOf = (coupon: CouponView, currency: string): FormValues => ({
  code: coupon.code,
  kind: coupon.kind,
  value: coupon.kind === "amount" ? formatAmount(coupon.value, currency) : String(coupon.value),
  startsOn: coupon.startsOn ?? "",
  endsOn: coupon.endsOn ?? "",
  maxUses: coupon.maxUses === null ? "" : String(coupon.maxUses),
  maxUsesPerClient: coupon.maxUsesPerClient === null ? "" : String(coupon.maxUsesPerClient),
  ...Object.fromEntries((coupon.sessionTypeIds ?? []).map((id) => [`type.${id}`, "on"])),
});

couponPages.post("/", async (c) => {
  const typed = new Converter(await readForm(c));
  const input = couponInput(typed, c.var.studio.currency);
  return submitForm(c, typed, (ctx) => createCoupon(ctx, parseInput(CreateCoupon, input)), {
    done: () => withNotice(paths.coupons, "coupon-saved"),
    refused: (form) => show(c, form),
  });
});

async function showCoupon(c: Context<AdminEnv>, id: string, form?: FormState) {
  const ctx = studioContext(c);
  const [coupon, types] = await Promise.all([couponById(ctx, id), sessionTypesOf(ctx)]);
  const view = toCoupon(coupon);
  const { currency } = c.var.studio;
  return c.render(
    <CouponPage
      coupon={view}
      types={types}
      form={form ?? formOf(valuesOf(view, currency))}
      currency={currency}
    />,
  );
}

couponPages.get("/:id", (c) => showCoupon(c, c.req.param("id")));

couponPages.post("/:id", async (c) => {
  const id = c.req.param("id");
  const typed = new Converter(await readForm(c));
  const input = couponInput(typed, c.var.studio.currency);
  return submitForm(c, typed, (ctx) => updateCoupon(ctx, id, parseInput(UpdateCoupon, input)), {
    done: () => withNotice(paths.coupons, "coupon-saved"),
    refused: (form) => showCoupon(c, id, form),
  });
});

couponPages.post("/:id/delete", async (c) => {
  const outcome = await deleteCoupon(studioContext(c), c.req.param("id"));
  return c.redirect(withNotice(paths.coupons, outcome === "ended" ? "coupon-ended" : "coupon-deleted"), 303);
});
