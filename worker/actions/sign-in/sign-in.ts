import { DomainError, refusal } from "../../domain/errors.ts";
import { decoyHash, hashPassword, verifyPassword } from "../../domain/passwords.ts";
import type { Db } from "../../env.ts";
import { isUniqueViolation } from "../../queries/constraints.ts";
import { studioByAdminToken } from "../../queries/studios.ts";
import { emailTaken } from "../studios.ts";
import { clearFailures, findAccount, isLocked, lockMinutes, maxFailures, recordFailure } from "./lockout.ts";
import { endAllLogins, newLogin } from "./logins.ts";
import { emailTakenByAnother, setCredentials } from "./setup.ts";

const lockedOut = () =>
  new DomainError(
    "rate_limited",
    `Sign-in is locked for ${lockMinutes} minutes after ${maxFailures} failed attempts. Try again later.`,
  );

/** The photographer signs in with email and password; answers the new login's token. */
export async function signIn(
  db: Db,
  input: { email: string; password: string },
  now: number,
): Promise<string> {
  const account = await findAccount(db, input.email);
  if (isLocked(account, now)) throw lockedOut();
  // An unknown email is checked against a decoy, so it takes as long as a wrong password.
  const matches = await verifyPassword(input.password, account.studio?.passwordHash ?? (await decoyHash()));
  if (!account.studio || !matches) {
    if (await recordFailure(db, account, now)) throw lockedOut();
    throw new DomainError("unauthorized", "That email and password do not match.");
  }
  const login = await newLogin(db, account.studio.id, now);
  await db.batch([...login.writes, clearFailures(db, account.studio.id)]);
  return login.token;
}

/**
 * First-run set-up (and a forgotten password): the studio's admin token sets its sign-in email
 * and password, ends every other login, and signs this browser in; answers its login token.
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
  try {
    await db.batch([
      setCredentials(db, studio.id, input.email, await hashPassword(input.password)),
      endAllLogins(db, studio.id),
      ...login.writes,
    ]);
  } catch (err) {
    // Another studio took the email between the check and the write.
    if (isUniqueViolation(err, "studios.email")) throw emailTaken();
    throw err;
  }
  return login.token;
}
