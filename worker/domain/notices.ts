/**
 * What the photographer is emailed about, each one on unless turned off in settings. A studio
 * keeps only the kinds it turned off, so a kind added here is on for every studio.
 */
export const noticeKinds = ["booked", "confirmed", "changed", "paid", "refund_needed"] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeLabels: Record<NoticeKind, string> = {
  booked: "A visitor books a spot",
  confirmed: "A client confirms a session or a reserved spot",
  changed: "A client moves or cancels their booking",
  paid: "A payment arrives",
  refund_needed: "A payment arrives that must be refunded",
};

export type Notices = Record<NoticeKind, boolean>;

/** The studio's notices as on/off, from the kinds it turned off. */
export const noticesOf = (off: readonly string[]): Notices =>
  Object.fromEntries(noticeKinds.map((k) => [k, !off.includes(k)])) as Notices;

/** The kinds to store as off after `changes`, keeping the rest as they were. */
export const noticesOff = (off: readonly string[], changes: Partial<Notices>): NoticeKind[] => {
  const merged = { ...noticesOf(off), ...changes };
  return noticeKinds.filter((k) => !merged[k]);
};

export const noticeOn = (studio: { noticesOff: readonly string[] }, kind: NoticeKind): boolean =>
  !studio.noticesOff.includes(kind);
