import { describe, expect, it } from "vitest";
import {
  type BookingRules,
  cutOff,
  defaultRules,
  describeRules,
  effectiveRules,
  requireBookable,
  requireCancellable,
  requireReschedulable,
  rulesVersion,
} from "../../worker/domain/booking-rules.ts";
import { DomainError } from "../../worker/domain/errors.ts";

const minute = 60_000;
const at = (iso: string) => Date.parse(iso);
const rules = (r: Partial<BookingRules> = {}): BookingRules => ({ ...defaultRules, ...r });

/** The code a check refuses with, or "ok". */
function outcome(check: () => void): string {
  try {
    check();
    return "ok";
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

/** One minute before a cut-off it is allowed, one minute after (and at it) it is not. */
function expectEdge(cut: number, check: (now: number) => void, code = "too_late") {
  expect(outcome(() => check(cut - minute))).toBe("ok");
  expect(outcome(() => check(cut))).toBe(code);
  expect(outcome(() => check(cut + minute))).toBe(code);
}

// The studio is in New York; these sessions are elsewhere, and their cut-offs are read there.
describe("cut-offs on the session's wall clock", () => {
  it("48 hours before a Berlin Sunday 10:00 after the clocks sprang forward is Friday 10:00 there", () => {
    const spot = at("2027-03-28T08:00:00Z"); // 10:00 CEST, the day the clocks go forward
    const cut = cutOff(spot, 48, "Europe/Berlin");
    expect(cut).toBe(at("2027-03-26T09:00:00Z")); // 10:00 CET
    expect(spot - cut).toBe(47 * 60 * minute);
    expectEdge(cut, (now) =>
      requireCancellable(rules({ cancelHours: 48 }), { startsAt: spot, zone: "Europe/Berlin" }, now),
    );
  });

  it("24 hours before a New York 09:00 after the clocks fell back is 09:00 the day before, 25 hours earlier", () => {
    const spot = at("2027-11-07T14:00:00Z"); // 09:00 EST
    const cut = cutOff(spot, 24, "America/New_York");
    expect(cut).toBe(at("2027-11-06T13:00:00Z")); // 09:00 EDT
    expectEdge(cut, (now) =>
      requireReschedulable(
        rules({ rescheduleHours: 24 }),
        { startsAt: spot, zone: "America/New_York", rescheduleCount: 0 },
        now,
      ),
    );
  });

  it("a cut-off in the hour the clocks skip still falls, at the hour's distance", () => {
    const spot = at("2027-03-15T06:30:00Z"); // 02:30 EDT; 24 hours before, 02:30 does not exist
    const cut = cutOff(spot, 24, "America/New_York");
    expect(cut).toBe(at("2027-03-14T06:30:00Z"));
    expectEdge(cut, (now) =>
      requireCancellable(rules({ cancelHours: 24 }), { startsAt: spot, zone: "America/New_York" }, now),
    );
  });

  it("minimum notice: a Tokyo spot books until 3 hours before it, not after", () => {
    const spot = at("2027-06-01T01:00:00Z"); // 10:00 JST
    const cut = cutOff(spot, 3, "Asia/Tokyo");
    expect(cut).toBe(at("2027-05-31T22:00:00Z"));
    expectEdge(cut, (now) =>
      requireBookable(rules({ noticeHours: 3 }), { startsAt: spot, zone: "Asia/Tokyo" }, now),
    );
  });

  it("no notice: bookable until the spot starts", () => {
    const spot = at("2027-06-01T01:00:00Z");
    expectEdge(spot, (now) => requireBookable(rules(), { startsAt: spot, zone: "Asia/Tokyo" }, now));
  });
});

describe("booking opens and closes", () => {
  const spot = { startsAt: at("2027-10-10T14:00:00Z"), zone: "Europe/London" };
  it("refuses before it opens and after it closes, each with its own code", () => {
    const opensAt = at("2027-09-01T19:00:00Z");
    const closesAt = at("2027-10-01T19:00:00Z");
    const r = rules({ opensAt, closesAt });
    expect(outcome(() => requireBookable(r, spot, opensAt - minute))).toBe("booking_not_open");
    expect(outcome(() => requireBookable(r, spot, opensAt))).toBe("ok");
    expect(outcome(() => requireBookable(r, spot, opensAt + minute))).toBe("ok");
    expectEdge(closesAt, (now) => requireBookable(r, spot, now), "booking_closed");
  });
});

describe("moving and cancelling", () => {
  const booked = { startsAt: at("2027-10-10T14:00:00Z"), zone: "Europe/London", rescheduleCount: 0 };
  const early = at("2027-09-01T00:00:00Z");

  it("refuses a move when the studio allows none, and once the moves are used up", () => {
    expect(outcome(() => requireReschedulable(rules({ rescheduleAllowed: false }), booked, early))).toBe(
      "reschedule_not_allowed",
    );
    const twice = rules({ rescheduleMax: 2 });
    expect(outcome(() => requireReschedulable(twice, { ...booked, rescheduleCount: 1 }, early))).toBe("ok");
    expect(outcome(() => requireReschedulable(twice, { ...booked, rescheduleCount: 2 }, early))).toBe(
      "reschedule_limit_reached",
    );
  });

  it("refuses a cancellation when the studio allows none", () => {
    expect(outcome(() => requireCancellable(rules({ cancelAllowed: false }), booked, early))).toBe(
      "cancel_not_allowed",
    );
  });
});

describe("the rules a session follows", () => {
  it("takes the session's overrides over its type's, rule by rule, over the defaults", () => {
    const r = effectiveRules(
      { cancelHours: 72, cancelMoney: "refund" },
      { cancelMoney: "keep", noticeHours: 12 },
    );
    expect(r).toEqual({ ...defaultRules, cancelHours: 72, cancelMoney: "keep", noticeHours: 12 });
    expect(effectiveRules(null, null)).toEqual(defaultRules);
  });

  it("reads in plain words, with dates in the session's zone", () => {
    const text = describeRules(
      rules({
        noticeHours: 24,
        opensAt: at("2027-09-01T19:00:00Z"),
        rescheduleMax: 2,
        cancelMoney: "credit",
      }),
      { timeZone: "Europe/London", locale: "en-GB" },
    );
    expect(text).toEqual([
      "Booking opens Wednesday, 1 September 2027 at 20:00.",
      "Book at least 1 day ahead.",
      "You can move your booking to another free time of the session twice, up to 1 day before it.",
      "You can cancel up to 2 days before; what you paid is kept as credit toward a later session with the studio.",
    ]);
  });

  it("has a version that changes with any rule and only then", () => {
    expect(rulesVersion(rules())).toBe(rulesVersion(effectiveRules(null, {})));
    expect(rulesVersion(rules({ cancelHours: 47 }))).not.toBe(rulesVersion(rules()));
  });
});
