/**
 * Every refusal Spotbook answers, as a closed list of stable machine words: integrators switch on
 * `code`, so each refusal has its own, with the HTTP status it is answered with and its title.
 * Actions throw `DomainError`; the JSON API and the pages each turn it into their answer once.
 */
export const errorCodes = {
  validation_failed: [422, "Some fields need attention"],
  malformed_request: [400, "The request body is not valid JSON"],
  unsupported_media_type: [415, "Send the body as application/json"],
  payload_too_large: [413, "Request too large"],
  unauthorized: [401, "Sign-in required"],
  forbidden: [403, "Not allowed"],
  not_found: [404, "Not found"],
  rate_limited: [429, "Too many requests"],
  already_exists: [409, "Already exists"],
  email_taken: [409, "This email is taken"],
  spot_taken: [409, "That spot was just taken"],
  spot_started: [409, "That spot has already started"],
  not_enough_seats: [409, "Not that many seats are left"],
  too_many_seats: [422, "More seats than one booking may take"],
  spots_overlap: [409, "The spots would overlap"],
  hold_expired: [410, "The hold on this spot has expired"],
  too_many_holds: [409, "Too many holds"],
  already_confirmed: [409, "Already confirmed"],
  not_reserved: [409, "Not waiting for confirmation"],
  not_confirmed: [409, "Not confirmed yet"],
  booking_cancelled: [409, "The booking was cancelled"],
  booking_expired: [409, "The booking expired"],
  booking_in_progress: [409, "The booking is still being made"],
  booking_changed: [409, "The booking changed meanwhile"],
  client_required: [409, "Assign a client first"],
  session_type_in_use: [409, "Session type in use"],
  package_in_use: [409, "Package in use"],
  wrong_classification: [422, "Wrong classification"],
  package_required: [422, "Choose a package"],
  no_balance_due: [409, "No balance due"],
  already_paid: [409, "Already paid"],
  payment_in_progress: [409, "A payment is being set up"],
  payments_unavailable: [409, "Online payment is not available"],
  too_late: [409, "Too close to the session"],
  booking_not_open: [409, "Booking has not opened yet"],
  booking_closed: [409, "Booking has closed"],
  not_admitted: [409, "Not your turn yet"],
  no_opening_time: [409, "This session has no opening time"],
  reschedule_not_allowed: [409, "Bookings cannot be moved"],
  reschedule_limit_reached: [409, "This booking was moved as often as allowed"],
  cancel_not_allowed: [409, "Bookings cannot be cancelled"],
  shift_overlaps: [409, "The move would overlap another session"],
  shift_into_past: [409, "The move would put spots in the past"],
  coupon_unknown: [422, "No such code"],
  coupon_not_yet_valid: [422, "This code is not valid yet"],
  coupon_expired: [422, "This code has expired"],
  coupon_not_for_session: [422, "This code is not for this session"],
  coupon_used_up: [409, "This code has been used up"],
  coupon_client_limit: [409, "This code was already used by this client"],
  contract_not_signed: [409, "The contract is not signed"],
  contract_changed: [409, "The contract changed"],
  invalid_signature: [400, "The signature does not match"],
  session_cancelled: [409, "The session is cancelled"],
  session_has_bookings: [409, "The session has bookings"],
  nothing_to_refund: [409, "Nothing paid to refund"],
  session_not_full: [409, "The session still has free spots"],
  waitlist_closed: [409, "The waitlist is closed"],
  already_on_waitlist: [409, "Already on the waitlist"],
  not_multi: [409, "Only a Multi session is announced"],
  session_over: [409, "The session has taken place"],
  internal_error: [500, "Something went wrong"],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof errorCodes;
export const errorCodeList = Object.keys(errorCodes) as ErrorCode[];

export type FieldError = { path: string; message: string };

export const titleOf = (code: ErrorCode): string => errorCodes[code][1];

/** A refusal on purpose: thrown by any layer, answered as a problem (or a form's message) once. */
export class DomainError extends Error {
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    options: { errors?: FieldError[]; status?: number } = {},
  ) {
    super(detail);
    this.name = "DomainError";
    this.errors = options.errors;
    // A code keeps one status, but for payments_unavailable: 409 when the studio takes payment at
    // the session, 503 when the payment provider cannot be reached right now.
    this.status = options.status ?? errorCodes[code][0];
  }
}

export const notFound = (what: string) => new DomainError("not_found", `No ${what} with that id here.`);

export const invalid = (path: string, message: string) =>
  new DomainError("validation_failed", message, { errors: [{ path, message }] });

/** A refusal that names the field it is about, for forms and integrators alike. */
export const refusal = (code: ErrorCode, detail: string, path: string, message = detail) =>
  new DomainError(code, detail, { errors: [{ path, message }] });
