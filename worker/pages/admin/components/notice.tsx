import type { FC } from "hono/jsx";

/*
 * What the page after a form says happened. Redirects name a fixed code (`?done=`), never text,
 * so a crafted link cannot put words on the page.
 */
const notices = {
  "signed-up": "Your sign-in is set up. Welcome!",
  "client-saved": "The client is saved.",
  "session-type-saved": "The session type is saved.",
  "session-scheduled": "The session is scheduled.",
  "time-changed": "The date and time are changed.",
  "client-assigned": "The client is assigned to this session.",
  "confirmation-sent": "The confirmation request is on its way to the client.",
  "spots-added": "The spots are added.",
  "spot-reserved": "The spot is reserved, and the client is asked to confirm and pay.",
  "reminder-sent": "The payment reminder is on its way.",
  "booking-cancelled": "The booking is cancelled, and its spot is free again.",
  "settings-saved": "The settings are saved.",
  "origin-allowed": "The website is allowed too.",
  "coupon-saved": "The code is saved.",
  "coupon-deleted": "The code is deleted.",
  "coupon-ended": "Bookings used this code, so it is ended now instead: they keep their discount.",
  "calendar-feed-off": "The calendar feed is off: its address no longer works.",
  "template-saved": "The email template is saved.",
  "template-deleted": "The email template is deleted: where it was chosen, Spotbook's text is sent again.",
  "emails-chosen": "The emails are chosen.",
  "session-saved": "The session is saved.",
  "session-cancelled": "The session is cancelled, and every client with a booking is emailed.",
  "session-deleted": "The session is deleted.",
  "spot-moved": "The spot is moved.",
  "spot-removed": "The spot is removed.",
  "payment-recorded": "The payment is recorded.",
  "refund-recorded": "The refund is recorded.",
  "session-moved": "The session is moved, and every booked client is emailed the new time.",
  "waitlist-on": "The waitlist is on: freed spots go to the people in line, in turn.",
  "waitlist-off": "The waitlist is off: nobody can join, and freed spots are open to everyone.",
  "waitlist-offered": "The spot is held for them, and they are emailed.",
  "opening-set": "The opening time is set: until then, visitors wait on the page for a fair start.",
  "opening-removed": "The opening time is removed: visitors can book right away.",
  announced: "The announcement is on its way to each client below.",
} as const;

export type NoticeCode = keyof typeof notices;

export const withNotice = (path: string, code: NoticeCode) => `${path}?done=${code}`;

export const Notice: FC<{ code: string | undefined }> = ({ code }) => {
  const text = code && Object.hasOwn(notices, code) ? notices[code as NoticeCode] : undefined;
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
};
