/** Every admin page's address, so links, redirects and forms agree. */
const root = "/admin";

export const paths = {
  root,
  styles: `${root}/admin.css`,
  script: `${root}/admin.js`,
  signIn: `${root}/sign-in`,
  setup: `${root}/setup`,
  signOut: `${root}/sign-out`,
  clients: `${root}/clients`,
  newClient: `${root}/clients/new`,
  client: (id: string) => `${root}/clients/${id}`,
  sessionTypes: `${root}/session-types`,
  newSessionType: `${root}/session-types/new`,
  sessionType: (id: string) => `${root}/session-types/${id}`,
  sessions: `${root}/sessions`,
  newSession: `${root}/sessions/new`,
  session: (id: string) => `${root}/sessions/${id}`,
  sessionAction: (id: string, action: SessionAction) => `${root}/sessions/${id}/${action}`,
  spot: (sessionId: string, spotId: string) => `${root}/sessions/${sessionId}/spots/${spotId}`,
  cancelBooking: (sessionId: string, bookingId: string) =>
    `${root}/sessions/${sessionId}/bookings/${bookingId}/cancel`,
  settings: `${root}/settings`,
  allowOrigin: `${root}/settings/allowed-origins`,
  calendarFeed: `${root}/settings/calendar-feed`,
  calendarFeedOff: `${root}/settings/calendar-feed/off`,
  emailTemplates: `${root}/settings/emails`,
  newEmailTemplate: `${root}/settings/emails/new`,
  emailTemplate: (id: string) => `${root}/settings/emails/${id}`,
  sessionTypeEmails: (id: string) => `${root}/session-types/${id}/emails`,
  sessionTypeForms: (id: string) => `${root}/session-types/${id}/questions`,
  sessionEmails: (id: string) => `${root}/sessions/${id}/emails`,
  booking: (id: string) => `${root}/bookings/${id}`,
  bookingMoney: (id: string, kind: "payments" | "refunds") => `${root}/bookings/${id}/${kind}`,
  spotAction: (sessionId: string, spotId: string, action: "move" | "remove") =>
    `${root}/sessions/${sessionId}/spots/${spotId}/${action}`,
  waitlistSetting: (sessionId: string) => `${root}/sessions/${sessionId}/waitlist`,
  waitlistEntry: (sessionId: string, entryId: string, action: "move" | "offer") =>
    `${root}/sessions/${sessionId}/waitlist/${entryId}/${action}`,
  mail: `${root}/mail`,
  coupons: `${root}/coupons`,
  coupon: (id: string) => `${root}/coupons/${id}`,
  deleteCoupon: (id: string) => `${root}/coupons/${id}/delete`,
  message: (id: string) => `${root}/mail/${id}`,
  messageHtml: (id: string) => `${root}/mail/${id}/html`,
};

export type SessionAction =
  | "when"
  | "client"
  | "confirmation-request"
  | "spots"
  | "payment-reminders"
  | "edit"
  | "cancel"
  | "delete"
  | "shift"
  | "opening"
  | "opening/remove"
  | "announce";
