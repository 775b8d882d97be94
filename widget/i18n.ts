/**
 * Every word the widget shows, in English, in one place: a translation replaces this file and
 * nothing else. Dates and money are not here; `format.ts` leaves them to `Intl`.
 */
export const msg = {
  loading: "Loading available times…",
  loadingBooking: "Loading your booking…",
  chooseTime: "Choose a time",
  taken: "Taken",
  noSpots: "Every time in this session is booked.",
  timesIn: (zone: string) => `Times are shown in ${zone}.`,
  minutes: (n: number) => `${n} min`,
  updating: "Updating the list of times…",

  held: "This time is held for you",
  timeLeft: (clock: string) => `${clock} left`,
  minutesLeft: (n: number) =>
    n === 1 ? "1 minute left to finish booking." : `${n} minutes left to finish booking.`,
  extend: "Extend",
  back: "Choose another time",

  yourDetails: "Your details",
  name: "Name",
  email: "Email",
  phone: "Phone (optional)",
  package: "Package",
  deposit: (amount: string) => `deposit ${amount}`,
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
  price: "Price",
  depositLabel: "Deposit",
  paid: "Paid",
  balance: "Balance due",

  booked: "You're booked",
  bookedIntro: (studio: string) => `Thank you! ${studio} looks forward to seeing you.`,
  toPayment: "Taking you to secure payment…",
  continueToPayment: "Continue to payment",
  addToCalendar: "Add to calendar",

  confirmTitle: "Confirm your session",
  confirmIntro: "Please check the details below, then confirm.",
  confirm: "Confirm",
  confirming: "Confirming…",
  confirmed: "Your session is confirmed",
  pendingPayment: "We are waiting for your payment to arrive. This usually takes a moment.",
  cancelled: (studio: string) =>
    `This booking was cancelled. Please contact ${studio} if that is unexpected.`,
  expired: (studio: string) => `This booking is no longer open. Please contact ${studio} to book again.`,
  refresh: "Check again",

  errors: {
    network: "We could not reach the booking service. Please check your connection and try again.",
    sessionNotFound: "We could not find this session. It may have ended, or the link may be wrong.",
    bookingNotFound: "We could not find this booking. Please check the link in your email.",
    rateLimited: "Too many attempts in a short time. Please wait a minute, then try again.",
    spotTaken: "Someone just took that time. Please pick another.",
    holdExpired: "Your hold on that time ran out, so it is open to others again. Please pick a time again.",
    conflict: "Something changed in the meantime. Please check and try again.",
    byInvitation: "This session is by invitation: please use the link you were sent.",
    // The studio has not allowed the site the widget is on (CORS, per studio).
    forbidden: "Booking is not open on this website yet. Please contact the studio.",
    unknown: "Something went wrong on our side. Please try again in a moment.",
  },
  retry: "Try again",

  // Party size, add-ons and a code (views/checkout-extras.ts).
  people: "People",
  peopleIncluded: (n: number, each: string) => `${n} included, then ${each} each`,
  addOns: "Add-ons",
  each: (price: string) => `${price} each`,
  code: "Code (optional)",
  total: "Total",
};
