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
  lineOpensAt: "Booking opens {when}.",
  lineWaitHere:
    "Keep this page open. At the opening, everyone waiting here is put in a random order, so there is no need to hurry or to refresh.",
  lineHeading: "You're in line",
  lineNext: "You're next: your turn starts as soon as a time is free.",
  lineAhead: {
    one: "{count} person is ahead of you. Keep this page open: your turn comes by itself.",
    other: "{count} people are ahead of you. Keep this page open: your turn comes by itself.",
  },
  lineFull: "Every time is taken right now. If one frees up, it goes to the next in line.",
  lineYourTurn: {
    one: "It's your turn: choose a time within {count} minute.",
    other: "It's your turn: choose a time within {count} minutes.",
  },
  lineTurnOver: "Your turn passed without a time chosen.",
  lineAgain: "Wait in line again",
  notAdmitted: "It is not your turn yet. Please wait in line on this page.",
  unsubscribeTitle: "Stop announcements from {studio}",
  unsubscribeAsk:
    "Stop receiving emails about new sessions from {studio}? Emails about your own bookings still reach you.",
  unsubscribeButton: "Unsubscribe",
  unsubscribedNow: "You're unsubscribed: {studio} will send you no more announcements.",
  unsubscribeUnknown:
    "This unsubscribe link is not valid. Please use the link in the latest email, or contact the studio.",
};

export type MessageKey = keyof typeof en;
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type Catalogue = Record<MessageKey, Message>;
