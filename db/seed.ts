/**
 * The demo studio that `npm start` serves: session types with packages, a Multi session of mini
 * sessions (the one on the demo page), a workshop, a Single wedding with its client invited, and
 * a few clients. Answers SQL for `wrangler d1 execute`, so the demo data goes through the same
 * migrations as production. Rows have fixed ids: seeding twice changes nothing but the tokens.
 */
import { planSpots } from "../worker/domain/spots.ts";
import { localToUtc } from "../worker/domain/time.ts";

export type SeedInput = {
  /** SHA-256 of DEMO_ADMIN_TOKEN. */
  adminTokenHash: string;
  /** SHA-256 of the demo client's confirmation link token. */
  clientLinkHash: string;
  /** Origins allowed to embed the widget: the Worker itself and common local dev servers. */
  allowedOrigins: string[];
  now: number;
  timeZone?: string;
};

const studioId = "demo-studio";
const quote = (value: string | number | null): string =>
  value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replace(/'/g, "''")}'`;

function insert(table: string, row: Record<string, string | number | null>, conflict = "OR IGNORE"): string {
  const columns = Object.keys(row);
  return `INSERT ${conflict} INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => quote(row[c] ?? null)).join(", ")});`;
}

/** The next Saturday after `now`, as a local date in `zone`. */
function nextSaturday(now: number, zone: string): string {
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short" }).format(now);
  const days = (6 - ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(weekday) + 7) % 7 || 7;
  return new Date(now + days * 86_400_000).toLocaleDateString("en-CA", { timeZone: zone });
}

export function seedSql({
  adminTokenHash,
  clientLinkHash,
  allowedOrigins,
  now,
  timeZone = "America/New_York",
}: SeedInput): string {
  const minis = nextSaturday(now, timeZone);
  const later = (days: number) => new Date(now + days * 86_400_000).toLocaleDateString("en-CA", { timeZone });
  const lines: string[] = [
    insert("studios", {
      id: studioId,
      slug: "juniper-pine",
      name: "Juniper & Pine Photography",
      email: "hello@juniper-pine.example",
      time_zone: timeZone,
      currency: "USD",
      locale: "en-US",
      allowed_origins: JSON.stringify(allowedOrigins),
      booking_page_url: null,
      hold_minutes: 15,
      // The workshop's visitors may book up to four seats at once.
      max_seats_per_booking: 4,
      session_reminder_hours: 24,
      failed_logins: 0,
      created_at: now,
    }),
    // The token may change between runs (.dev.vars is per machine), so its row is replaced.
    insert(
      "admin_tokens",
      {
        id: "demo-admin-token",
        studio_id: studioId,
        token_hash: adminTokenHash,
        label: "demo",
        created_at: now,
      },
      "OR REPLACE",
    ),
  ];
  const types = [
    {
      id: "demo-type-minis",
      name: "Fall Mini Session",
      classification: "multi",
      duration: 20,
      break: 10,
      description: "Twenty minutes in the golden hour, ten edited images.",
    },
    {
      id: "demo-type-wedding",
      name: "Wedding",
      classification: "single",
      duration: 480,
      break: 0,
      description: "Getting ready to the first dance.",
    },
    {
      id: "demo-type-workshop",
      name: "Lighting Workshop",
      classification: "multi",
      duration: 180,
      break: 0,
      description: "Hands-on off-camera flash for beginners.",
    },
  ];
  for (const t of types) {
    lines.push(
      insert("session_types", {
        id: t.id,
        studio_id: studioId,
        name: t.name,
        classification: t.classification,
        duration_minutes: t.duration,
        break_minutes: t.break,
        description: t.description,
        payment_reminder: 1,
        payment_reminder_days: 3,
        active: 1,
        created_at: now,
      }),
    );
  }
  const packages = [
    {
      id: "demo-pkg-mini",
      type: "demo-type-minis",
      name: "Mini",
      price: 15000,
      deposit: 5000,
      description: "10 edited images",
    },
    {
      id: "demo-pkg-half",
      type: "demo-type-wedding",
      name: "Half day",
      price: 180000,
      deposit: 50000,
      description: "Four hours, one photographer",
    },
    {
      id: "demo-pkg-full",
      type: "demo-type-wedding",
      name: "Full day",
      price: 320000,
      deposit: 100000,
      description: "Eight hours, two photographers",
    },
    {
      id: "demo-pkg-seat",
      type: "demo-type-workshop",
      name: "Seat",
      price: 25000,
      deposit: 0,
      description: "One seat, lunch included",
    },
  ];
  packages.forEach((p, position) => {
    lines.push(
      insert("packages", {
        id: p.id,
        studio_id: studioId,
        session_type_id: p.type,
        name: p.name,
        description: p.description,
        price_cents: p.price,
        deposit_cents: p.deposit,
        position,
      }),
    );
  });
  const clients = [
    { id: "demo-client-emma", name: "Emma Woodhouse", email: "emma@example.com", phone: "+1 555 0101" },
    { id: "demo-client-darcy", name: "Fitzwilliam Darcy", email: "darcy@example.com", phone: null },
    { id: "demo-client-anne", name: "Anne Elliot", email: "anne@example.com", phone: "+1 555 0103" },
  ];
  for (const c of clients) lines.push(insert("clients", { ...c, studio_id: studioId, created_at: now }));

  const session = (
    id: string,
    slug: string,
    name: string,
    classification: string,
    typeId: string,
    extra: Record<string, string | null> = {},
  ) =>
    insert("sessions", {
      id,
      studio_id: studioId,
      slug,
      name,
      classification,
      session_type_id: typeId,
      package_id: null,
      client_id: null,
      time_zone: timeZone,
      location: "Juniper Park, north meadow",
      status: "scheduled",
      created_at: now,
      ...extra,
    });
  const spots = (sessionId: string, planned: { startsAt: number; endsAt: number }[]) =>
    planned.map((p, i) =>
      insert("spots", {
        id: `${sessionId}-spot-${i + 1}`,
        studio_id: studioId,
        session_id: sessionId,
        starts_at: p.startsAt,
        ends_at: p.endsAt,
      }),
    );

  lines.push(
    session("demo-session-minis", "fall-minis", "Fall Minis", "multi", "demo-type-minis"),
    ...spots(
      "demo-session-minis",
      planSpots({ date: minis, time: "09:00", timeZone, spots: 8, durationMinutes: 20, breakMinutes: 10 }),
    ),
    session(
      "demo-session-workshop",
      "lighting-workshop",
      "Off-Camera Flash Workshop",
      "multi",
      "demo-type-workshop",
      { location: "The studio, 12 Elm St" },
    ),
    ...spots(
      "demo-session-workshop",
      planSpots({
        date: later(21),
        time: "10:00",
        timeZone,
        spots: 10,
        durationMinutes: 180,
        breakMinutes: 0,
        sameTime: true,
      }),
    ),
    session("demo-session-wedding", "woodhouse-wedding", "Woodhouse Wedding", "single", "demo-type-wedding", {
      client_id: "demo-client-emma",
      location: "Hartfield House",
    }),
  );
  const weddingStart = localToUtc({ date: later(90), time: "13:00" }, timeZone);
  lines.push(
    insert("spots", {
      id: "demo-session-wedding-spot-1",
      studio_id: studioId,
      session_id: "demo-session-wedding",
      starts_at: weddingStart,
      ends_at: weddingStart + 480 * 60_000,
    }),
    insert("bookings", {
      id: "demo-booking-wedding",
      studio_id: studioId,
      session_id: "demo-session-wedding",
      spot_id: "demo-session-wedding-spot-1",
      client_id: "demo-client-emma",
      package_id: null,
      status: "awaiting_confirmation",
      amount_cents: 0,
      deposit_cents: 0,
      paid_cents: 0,
      currency: "USD",
      created_at: now,
    }),
    insert(
      "client_links",
      {
        id: "demo-link-wedding",
        studio_id: studioId,
        booking_id: "demo-booking-wedding",
        token_hash: clientLinkHash,
        created_at: now,
      },
      "OR REPLACE",
    ),
  );
  return `${lines.join("\n")}\n`;
}
