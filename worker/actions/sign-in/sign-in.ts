import { DomainError, refusal } from "../../domain/errors.ts";
import { decoyHash, hashPassword, verifyPassword } from "../../domain/passwords.ts";
import { throttledAfter } from "../../domain/sign-in-throttle.ts";
import { sha256 } from "../../domain/tokens.ts";
import type { Db } from "../../env.ts";
import { isUniqueViolation } from "../../queries/constraints.ts";
import { studioByAdminToken } from "../../queries/studios.ts";
import { emailTaken } from "../studios.ts";
import { endAllLogins, newLogin } from "./logins.ts";
import { emailTakenByAnother, setCredentials } from "./setup.ts";
import {
  beginAttempt,
  clearAllFor,
  clearNetwork,
  countFailure,
  refuseIfThrottled,
  throttledError,
} from "./throttle.ts";

/**
 * The photographer signs in with email and password from `client` (the connection's address, as
 * the edge reports it); answers the new login's token. Throttled per (email, client network) and,
 * more loosely, per email (see domain/sign-in-throttle.ts); an unknown email is answered and
 * counted exactly like a wrong password.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; client?: string | undefined },
  now: number,
): Promise<string> {
  const attempt = await beginAttempt(db, input.email, input.client, now);
  refuseIfThrottled(attempt, now);
  // An unknown email is checked against a decoy, so it takes as long as a wrong password.
  const matches = await verifyPassword(input.password, attempt.studio?.passwordHash ?? (await decoyHash()));
  if (!attempt.studio || !matches) {
    const throttled = throttledAfter(attempt.network, await countFailure(db, attempt, now), now);
    if (throttled) throw throttledError(throttled, now);
    throw new DomainError("unauthorized", "That email and password do not match.");
  }
  const login = await newLogin(db, attempt.studio.id, now);
  await db.batch([...login.writes, clearNetwork(db, attempt)]);
  return login.token;
}

/**
 * First-run set-up (and a forgotten password): the studio's admin token sets its sign-in email
 * and password, ends every other login, clears the email's sign-in throttle (a locked-out owner's
 * way back in), and signs this browser in; answers its login token.
 */
export async function setUpSignIn(
  db: Db,
  input: { adminToken: string; email: string; password: string },
  now: number,
): Promise<string> {
  const studio = await studioByAdminToken(db, input.adminToken);
  if (!studio) {
    throw refusal(
      "unauthorized",
      "This is not a studio's admin token.",
      "adminToken",
      "This is not a studio's admin token.",
    );
  }
  if (await emailTakenByAnother(db, studio.id, input.email)) throw emailTaken();
  const login = await newLogin(db, studio.id, now);
  const emailHash = await sha256(input.email);
  try {
    await db.batch([
      setCredentials(db, studio.id, input.email, await hashPassword(input.password)),
      endAllLogins(db, studio.id),
      ...login.writes,
      // A new password: the throttle's counts of guesses at the old one no longer matter.
      clearAllFor(db, emailHash),
    ]);
  } catch (err) {
    // Another studio took the email between the check and the write.
    if (isUniqueViolation(err, "studios.email")) throw emailTaken();
    throw err;
  }
  return login.token;
}
