import { z } from "@hono/zod-openapi";
import { classifications } from "../../db/schema.ts";
import { isValidDate, isValidTime, isValidTimeZone } from "../domain/time.ts";

/**
 * Field schemas shared by every request body, so a date or a price is checked the same everywhere,
 * whether it comes to the JSON API or through an admin form.
 */

export const Id = z
  .string()
  .min(1)
  .max(64)
  .openapi(DOCUMENTED && { example: "7f0c1e7a-3b8e-4c1e-9a55-0f1d2e3c4b5a" });

/**
 * Text a person typed: no NUL or other control characters but tab and newlines, and no lone
 * surrogate (half of an emoji), which storage would silently rewrite.
 */
const typedText = (schema: z.ZodString) =>
  schema
    .refine(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
      (v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v),
      "Remove the control characters.",
    )
    .refine((v) => v.isWellFormed(), "Remove the broken character (half of an emoji or symbol).");

export const Name = typedText(
  z.string().trim().min(1, "Enter a name.").max(200, "Keep it under 200 characters."),
);
export const Text = typedText(z.string().max(5000, "Keep it under 5,000 characters."));
export const Email = z
  .string()
  .trim()
  .max(254)
  .email("Enter an email address like name@example.com.")
  .transform((e) => e.toLowerCase());
export const Phone = z
  .string()
  .trim()
  .max(40, "Keep the phone number under 40 characters.")
  .regex(/^[+\d\s().-]*$/, "Use digits, spaces and + ( ) - only.");

export const DateString = z
  .string()
  .refine(isValidDate, "Enter a real date as YYYY-MM-DD.")
  .openapi(
    DOCUMENTED && {
      example: "2027-10-16",
      format: "date",
      description:
        "A date in the session's time zone. A first start that has passed is refused with 422: on `date` " +
        "when the day is over there, on `time` when it is today.",
    },
  );
export const TimeString = z
  .string()
  .refine(isValidTime, "Enter a time as HH:MM, from 00:00 to 23:59.")
  .openapi(
    DOCUMENTED && {
      example: "09:30",
      description:
        "A wall-clock time in the session's time zone. A time the clocks skip there (spring forward) is " +
        "refused with 422 on `time`; a time that happens twice (fall back) means the earlier of the two.",
    },
  );
export const TimeZone = z
  .string()
  .refine(isValidTimeZone, "Use an IANA time zone such as America/New_York.")
  .openapi(DOCUMENTED && { example: "America/New_York" });
/** A BCP 47 language tag Intl accepts: every date and amount in mail is formatted with it. */
export const Locale = z
  .string()
  .max(35)
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, "Use a language tag such as en-US or fr-CA.")
  .openapi(DOCUMENTED && { example: "en-US" });
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code such as USD.")
  .openapi(DOCUMENTED && { example: "USD" });
export const Cents = z
  .number()
  .int("Use whole minor units (cents).")
  .min(0, "Amounts cannot be negative.")
  .max(100_000_000, "That amount is too large.");
export const Classification = z.enum(classifications);
export const Instant = z
  .string()
  .openapi(DOCUMENTED && { format: "date-time", example: "2026-10-17T13:30:00.000Z" });
/** The most spots one request generates: more than a studio offers in a day. */
export const maxSpotsPerRequest = 100;
export const SpotCount = z
  .number()
  .int("Use a whole number of spots.")
  .min(1, "Add at least one spot.")
  .max(maxSpotsPerRequest, `At most ${maxSpotsPerRequest} spots at once; add more with Add Additional Spots.`)
  .openapi({
    description:
      `Spots to generate, 1 to ${maxSpotsPerRequest} per request (a long day of five-minute spots is under ` +
      `${maxSpotsPerRequest}); more are refused with 422 on \`spots\`. Add more to a session with ` +
      "POST /v1/admin/sessions/{id}/spots.",
  });

/** The hosts a studio may name over plain http: its own machine, while it tries Spotbook out. */
const localHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

const parsedUrl = (value: string): URL | null => {
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

/** https, or http to the machine itself; never javascript:, data:, ftp: or another site over http. */
const isWebAddress = (url: URL | null) =>
  url !== null && (url.protocol === "https:" || (url.protocol === "http:" && localHosts.has(url.hostname)));

const webOnly = "Use an https:// address (http:// only for localhost, 127.0.0.1 or [::1]).";
const webDescription =
  "https only; http only for localhost, 127.0.0.1 and [::1]. Any other scheme (javascript:, data:, ftp:) " +
  "or plain http to another host is refused with 422 on the field.";

/** A web page's address, e.g. the studio's own booking page that confirmation links open. */
export const WebUrl = z
  .string()
  .trim()
  .max(500, "Keep the address under 500 characters.")
  .refine((value) => parsedUrl(value) !== null, {
    message: "Enter a full address such as https://www.example.com/book.",
    abort: true,
  })
  .refine((value) => isWebAddress(parsedUrl(value)), { message: webOnly, abort: true })
  .refine((value) => {
    const url = parsedUrl(value);
    return url !== null && url.username === "" && url.password === "";
  }, "Leave the user name and password out of the address.")
  .openapi(
    DOCUMENTED && { format: "uri", example: "https://www.example.com/book", description: webDescription },
  );

/** A site's origin: scheme, host and port, as a browser sends it in the Origin header. */
export const Origin = z
  .string()
  .max(200, "Keep the origin under 200 characters.")
  .refine((value) => parsedUrl(value)?.origin === value, {
    message: "Use an origin such as https://www.example.com (scheme and host, no path).",
    abort: true,
  })
  .refine((value) => isWebAddress(parsedUrl(value)), webOnly)
  .openapi(DOCUMENTED && { format: "uri", example: "https://www.example.com", description: webDescription });

export const ClientInput = z.object({
  name: Name,
  email: Email,
  phone: Phone.optional(),
});
export type ClientInput = z.infer<typeof ClientInput>;
