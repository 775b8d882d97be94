/**
 * The visitor's words, in English: the source every other catalogue translates, key for key.
 * `{name}` is a placeholder; an object is a plural, one form per category of the language's
 * Intl.PluralRules, chosen by `count`. The widget carries only `early` (what shows before the
 * session's answer, which brings the rest in the visitor's language).
 */
export const early = {
  loading: "Loading available times…",
  loadingBooking: "Loading your booking…",
  network: "We could not reach the booking service. Please check your connection and try again.",
  sessionNotFound: "We could not find this session. It may have ended, or the link may be wrong.",
  bookingNotFound: "We could not find this booking. Please check the link in your email.",
  rateLimited: "Too many attempts in a short time. Please wait a minute, then try again.",
  // The studio has not allowed the site the widget is on (CORS, per studio).
  forbidden: "Booking is not open on this website yet. Please contact the studio.",
  unknown: "Something went wrong on our side. Please try again in a moment.",
  retry: "Try again",
};

export const en = {
  ...early,
  chooseTime: "Choose a time",
  taken: "Taken",
  full: "Full",
  noSpots: "Every time in this session is booked.",
  timesIn: "Times are shown in {zone}.",
  minutes: "{count} min",
  updating: "Updating the list of times…",
  seatsLeft: { one: "{count} of {seats} seats left", other: "{count} of {seats} seats left" },
  seatsWanted: "Seats",
  seatCount: { one: "{count} seat", other: "{count} seats" },

  held: "This time is held for you",
  timeLeft: "{clock} left",
  minutesLeft: {
    one: "{count} minute left to finish booking.",
    other: "{count} minutes left to finish booking.",
  },
  extend: "Extend",
  back: "Choose another time",

  yourDetails: "Your details",
  name: "Name",
  email: "Email",
  phone: "Phone (optional)",
  package: "Package",
  deposit: "deposit {amount}",
  book: "Book this time",
  booking: "Booking…",
  nameRequired: "Please enter your name.",
  tooLong: "Please shorten this.",
  emailRequired: "Please enter your email address.",
  emailInvalid: "Please enter an email address like name@example.com.",
  phoneInvalid: "Please enter a phone number using digits, spaces and + - ( ).",
  packageRequired: "Please choose a package.",

  when: "When",
  where: "Where",
  seats: "Seats",
  price: "Price",
  depositLabel: "Deposit",
  paid: "Paid",
  balance: "Balance due",

  booked: "You're booked",
  bookedIntro: "Thank you! {studio} looks forward to seeing you.",
  emailSent: "We sent the confirmation to {email}.",
  changeOrCancel: "To change or cancel, use the link in that email.",
  toPayment: "Taking you to secure payment…",
  continueToPayment: "Continue to payment",
  addToCalendar: "Add to calendar",

  confirmTitle: "Confirm your session",
  confirmIntro: "Please check the details below, then confirm.",
  confirm: "Confirm",
  confirming: "Confirming…",
  confirmed: "Your session is confirmed",
  paymentConfirming: "Thank you! Your payment is being confirmed…",
  paymentSlow: "Your payment is taking longer than usual to arrive. We will email you once it has.",
  pendingPayment: "We are waiting for your payment to arrive. This usually takes a moment.",
  cancelled: "This booking was cancelled. Please contact {studio} if that is unexpected.",
  expired: "This booking is no longer open. Please contact {studio} to book again.",
  refresh: "Check again",

  spotTaken: "Someone just took that time. Please pick another.",
  notEnoughSeats: {
    one: "Only {count} seat is left at that time. Please choose fewer seats.",
    other: "Only {count} seats are left at that time. Please choose fewer seats.",
  },
  holdExpired: "Your hold on that time ran out, so it is open to others again. Please pick a time again.",
  conflict: "Something changed in the meantime. Please check and try again.",
  byInvitation: "This session is by invitation: please use the link you were sent.",

  pageBookWith: "Book with {studio}.",
  pageFrom: "From {when}.",
  pageBooking: "Your booking",

  rulesIntro: "By booking, you accept the studio's terms:",
  manage: "Change your booking",
  reschedule: "Reschedule",
  pickNewTime: "Pick a new time",
  moved: "Your booking has moved. We emailed you the new time.",
  cancelBooking: "Cancel booking",
  cancelSure: "Cancel this booking?",
  cancelYes: "Yes, cancel it",
  keepIt: "Keep it",
  cancelledNow: "Your booking is cancelled. We emailed you and the studio.",
  payBalance: "Pay the balance",
  noOtherTimes: "No other time of this session is free.",
  payAtSession: "This studio takes payment at the session.",
  tooLate: "It is too close to your session to change it here. Please contact the studio.",
  rescheduleNotAllowed: "This studio does not let bookings be moved online. Please contact the studio.",
  cancelNotAllowed: "This studio does not let bookings be cancelled online. Please contact the studio.",
  bookingNotOpen: "Booking for this time has not opened yet. Please come back later.",
  bookingClosed: "Booking for this time has closed. Please pick a later time.",
  noBalanceDue: "Nothing is left to pay on this booking.",
  sessionCancelled: "This session was cancelled: there is nothing to book.",
  pageCancelled: "This session was cancelled by {studio}. There is nothing to book.",
  pageTookPlace: "This session has taken place. There is nothing left to book.",
  pageNoSessionTitle: "Session not found",
  pageNoSession: "No session here",
  pageNoSessionText:
    "This link does not lead to a booking session. It may have been mistyped, or the session was removed. Ask the photographer who shared it for the current link.",
  waitlistJoin: "Join the waitlist",
  waitlistDays: "Days that suit (none: any)",
  waitlistPosition: {
    one: "You're number {count} in line. We'll email you when a time frees up.",
    other: "You're number {count} in line. We'll email you when a time frees up.",
  },
  waitlistKeepLink: "Your place in line",
  waitlistOffered: "A time is held for you until {until}: see your email.",
  waitlistOut: "You're no longer on this waitlist.",
  waitlistLeave: "Leave the waitlist",
  people: "People",
  peopleIncluded: { one: "{count} included, then {each} each", other: "{count} included, then {each} each" },
  addOns: "Add-ons",
  each: "{price} each",
  code: "Code (optional)",
};

export type MessageKey = keyof typeof en;
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type Catalogue = Record<MessageKey, Message>;

/**
 * The client's emails, in English: kept apart from the visitor's words, so the widget's answers
 * never carry them. Subjects end with the session's name; `{client}`, `{studio}` are names.
 */
export const enMail = {
  hi: "Hi {client},",
  where: "Where: {location}",
  paid: "Paid: {amount}",
  balance: "Balance due: {amount}",
  calendar: "Add to calendar",
  view: "View booking",
  signed: "— {studio}",
  confirmSubject: "Please confirm your session: {session}",
  confirmNews: "{studio} has scheduled your session. Please check the details, confirm and pay:",
  confirmAction: "Review and confirm",
  reservedSubject: "A spot is reserved for you: {session}",
  reservedNews: "{studio} reserved a spot for you. Please confirm it and pay to keep it:",
  reservedAction: "Confirm my spot",
  bookedSubject: "Booked: {session}",
  bookedNews: "Your session with {studio} is confirmed.",
  receivedSubject: "Payment received: {session}",
  receivedNews: "Thank you: {studio} received your payment.",
  dueSubject: "Payment reminder: {session}",
  dueNews: "A balance of {balance} is due for your session with {studio}.",
  payAction: "Pay the balance",
  payOnline: "Pay the balance online from your booking link.",
  payAtSession: "Please pay at the session.",
  soonSubject: "See you soon: {session}",
  soonNews: "A reminder of your session with {studio}:",
  cancelledSubject: "Cancelled: {session}",
  calledOffNews: "{studio} has cancelled this session, so your booking is cancelled.",
  refundDue: "You paid {amount}: {studio} will refund it to you.",
  nothingOwed: "Nothing was paid, so nothing is owed.",
  cancelledNews: "Your session with {studio} is cancelled. {money}",
  nothingPaid: "Nothing had been paid.",
  refunded: "{amount} will be refunded.",
  kept: "The {amount} paid is kept by the studio.",
  credit: "The {amount} paid is kept as credit toward your next session with the studio.",
  calendarRemove: "Open the calendar file below to remove the event from your calendar.",
  movedSubject: "Moved: {session}",
  movedNews: "Your session with {studio} has moved from {was} to:",
  shiftedSubject: "New time: {session}",
  shiftedNews: "{studio} has moved your session from {was}. Your new time:",
  calendarUpdate: "Open the calendar file below to update the event in your calendar.",
  offerSubject: "A spot opened up: {session}",
  offerNews:
    "A spot opened up in {session} with {studio}, and it is held for you until {until}. Book it before then; after that it goes to the next person on the waitlist.",
  offerAction: "Book this spot",
  deposit: "Deposit",
  balancePart: "Balance",
  payInFull: "Payment in full",
};

export type MailKey = keyof typeof enMail;
export type MailCatalogue = Record<MailKey, string>;
