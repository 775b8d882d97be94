import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openMultiSession } from "./support.ts";

const insertBooking = (id: string, studioId: string, sessionId: string, spotId: string, status: string) =>
  env.DB.prepare(
    "INSERT INTO bookings (id, studio_id, session_id, spot_id, status, currency, expires_at, created_at) VALUES (?, ?, ?, ?, ?, 'USD', ?, ?)",
  )
    .bind(id, studioId, sessionId, spotId, status, Date.now() + 60_000, Date.now())
    .run();

describe("the bookings table", () => {
  it("refuses a second live booking of one spot, whatever the code does", async () => {
    const { studio, session, spotIds } = await openMultiSession(1);
    const spot = spotIds[0] as string;
    await insertBooking("first", studio.id, session.id, spot, "confirmed");
    await expect(insertBooking("second", studio.id, session.id, spot, "held")).rejects.toThrow(
      /UNIQUE constraint failed/,
    );
  });

  it("lets a spot be booked again once the earlier booking is cancelled or expired", async () => {
    const { studio, session, spotIds } = await openMultiSession(1);
    const spot = spotIds[0] as string;
    await insertBooking("old-1", studio.id, session.id, spot, "cancelled");
    await insertBooking("old-2", studio.id, session.id, spot, "expired");
    await expect(insertBooking("new", studio.id, session.id, spot, "reserved")).resolves.toBeTruthy();
  });
});
