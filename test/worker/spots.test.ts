import { describe, expect, it } from "vitest";
import { firstOverlap, planSpots } from "../../worker/domain/spots.ts";
import { utcToLocal } from "../../worker/domain/time.ts";

const localTimes = (spots: { startsAt: number }[], zone: string) =>
  spots.map((s) => utcToLocal(s.startsAt, zone).time);
const noOverlap = (spots: { startsAt: number; endsAt: number }[]) =>
  spots.every((s, i) => i === 0 || s.startsAt >= (spots[i - 1] as { endsAt: number }).endsAt);

describe("planSpots", () => {
  it("follows the duration and the break", () => {
    const spots = planSpots({
      date: "2026-10-17",
      time: "09:00",
      timeZone: "America/New_York",
      spots: 6,
      durationMinutes: 20,
      breakMinutes: 10,
    });
    expect(localTimes(spots, "America/New_York")).toEqual([
      "09:00",
      "09:30",
      "10:00",
      "10:30",
      "11:00",
      "11:30",
    ]);
    expect(spots.every((s) => s.endsAt - s.startsAt === 20 * 60_000)).toBe(true);
  });

  it("runs through the spring-forward change without overlap, the clock jumping an hour", () => {
    const spots = planSpots({
      date: "2026-03-08",
      time: "01:00",
      timeZone: "America/New_York",
      spots: 4,
      durationMinutes: 30,
      breakMinutes: 0,
    });
    expect(localTimes(spots, "America/New_York")).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    expect(noOverlap(spots)).toBe(true);
    expect(spots.every((s) => s.endsAt - s.startsAt === 30 * 60_000)).toBe(true);
  });

  it("runs through the fall-back change without overlap, 1:00 and 1:30 happening twice", () => {
    const spots = planSpots({
      date: "2026-11-01",
      time: "00:30",
      timeZone: "America/New_York",
      spots: 5,
      durationMinutes: 30,
      breakMinutes: 0,
    });
    expect(localTimes(spots, "America/New_York")).toEqual(["00:30", "01:00", "01:30", "01:00", "01:30"]);
    expect(noOverlap(spots)).toBe(true);
    expect(new Set(spots.map((s) => s.startsAt)).size).toBe(5);
  });

  it("keeps plain arithmetic in a zone without daylight saving", () => {
    const spots = planSpots({
      date: "2026-03-08",
      time: "01:00",
      timeZone: "Asia/Tokyo",
      spots: 3,
      durationMinutes: 45,
      breakMinutes: 15,
    });
    expect(localTimes(spots, "Asia/Tokyo")).toEqual(["01:00", "02:00", "03:00"]);
  });

  it("puts every spot at one start for a workshop", () => {
    const spots = planSpots({
      date: "2026-05-01",
      time: "18:00",
      timeZone: "Europe/Paris",
      spots: 20,
      durationMinutes: 120,
      breakMinutes: 30,
      sameTime: true,
    });
    expect(new Set(spots.map((s) => s.startsAt)).size).toBe(1);
    expect(spots).toHaveLength(20);
  });

  it("scales linearly: ten thousand spots, each after the last", () => {
    const spots = planSpots({
      date: "2026-01-01",
      time: "00:00",
      timeZone: "UTC",
      spots: 10_000,
      durationMinutes: 5,
      breakMinutes: 1,
    });
    expect(spots).toHaveLength(10_000);
    expect(noOverlap(spots)).toBe(true);
  });
});

describe("firstOverlap", () => {
  it("tells touching spots from overlapping ones, and names the spot overlapped", () => {
    const a = [
      { startsAt: 0, endsAt: 10 },
      { startsAt: 30, endsAt: 40 },
    ];
    expect(firstOverlap([{ startsAt: 10, endsAt: 20 }], a)).toBeNull();
    expect(firstOverlap([{ startsAt: 9, endsAt: 20 }], a)).toBe(a[0]);
    expect(firstOverlap([{ startsAt: 25, endsAt: 35 }], a)).toBe(a[1]);
  });

  it("lets a workshop's seat share its time exactly, when asked to", () => {
    const seats = [{ startsAt: 0, endsAt: 10 }];
    expect(firstOverlap([{ startsAt: 0, endsAt: 10 }], seats)).toBe(seats[0]);
    expect(firstOverlap([{ startsAt: 0, endsAt: 10 }], seats, { exceptSeats: true })).toBeNull();
    expect(firstOverlap([{ startsAt: 0, endsAt: 11 }], seats, { exceptSeats: true })).toBe(seats[0]);
  });
});
