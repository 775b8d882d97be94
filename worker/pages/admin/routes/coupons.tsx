import type { Context } from "hono";
import { Hono } from "hono";
import { couponsOf, createCoupon } from "../../../actions/coupons.ts";
import { sessionTypesOf } from "../../../actions/session-types.ts";
import { studioContext } from "../../../middleware/context.ts";
import { CreateCoupon, toCoupon } from "../../../schemas/coupons.ts";
import { parseInput } from "../../../schemas/validate.ts";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { CouponsPage } from "../views/coupons.tsx";

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
    />,
  );
}

couponPages.get("/", (c) => show(c, formOf({ kind: "percent" })));

couponPages.post("/", async (c) => {
  const typed = new Converter(await readForm(c));
  const kind = typed.text("kind");
  const ticked = Object.keys(typed.values)
    .filter((name) => name.startsWith("type.") && typed.checked(name))
    .map((name) => name.slice("type.".length));
  const optionalWhole = (name: string) =>
    typed.text(name).trim() ? typed.whole(name, "Enter a whole number.") : null;
  const input = {
    code: typed.text("code"),
    kind,
    value:
      kind === "amount"
        ? typed.money("value", c.var.studio.currency, "Enter the amount off.")
        : typed.whole("value", "Enter a percentage from 1 to 100."),
    sessionTypeIds: ticked.length > 0 ? ticked : null,
    startsOn: typed.optional("startsOn") ?? null,
    endsOn: typed.optional("endsOn") ?? null,
    maxUses: optionalWhole("maxUses"),
    maxUsesPerClient: optionalWhole("maxUsesPerClient"),
  };
  return submitForm(c, typed, (ctx) => createCoupon(ctx, parseInput(CreateCoupon, input)), {
    done: () => paths.coupons,
    refused: (form) => show(c, form),
  });
});
