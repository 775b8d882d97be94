/** The events `<spotbook-session>` dispatches; each bubbles and crosses shadow roots. */
export interface SpotbookEventMap {
  /** A spot is held for the visitor while they fill in the form. */
  "spotbook-hold": CustomEvent<{ session: string; spotId: string; expiresAt: string }>;
  /** A booking was made; `checkoutUrl` is set when the page is about to go to payment. */
  "spotbook-booked": CustomEvent<{
    session: string;
    spotId: string;
    bookingId: string;
    status: string;
    checkoutUrl?: string;
  }>;
  /** A client confirmed their booking from a confirmation link. */
  "spotbook-confirmed": CustomEvent<{ bookingId: string; status: string; checkoutUrl?: string }>;
  /** Something went wrong and the visitor was told; `code` is the API's problem code, or `network`. */
  "spotbook-error": CustomEvent<{ status: number; code: string; message: string }>;
}

export type SpotbookEventName = keyof SpotbookEventMap;
export type SpotbookEventDetail<K extends SpotbookEventName> = SpotbookEventMap[K]["detail"];
