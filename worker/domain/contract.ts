import { mailWords, type Say } from "./catalogues/index.ts";
import { refusal } from "./errors.ts";
import {
  type AppointmentFacts,
  type Block,
  compose,
  details,
  english,
  type Message,
  studioSide,
} from "./messages.ts";
import { type Answer, answersText } from "./questionnaire.ts";

/**
 * A session type's contract and a client's signature of it. The client signs by typing their
 * name under the exact text shown; the signature keeps that text's SHA-256, its version, the
 * name, the time (UTC) and the address the request came from.
 */

/** The most characters a contract may have (about 10 pages, within the 128 KB a request may carry), and a typed name. */
export const contractCeiling = 20_000;
export const signedNameCeiling = 200;

export type Contract = { id: string; version: number; text: string; sha256: string };

export type Signature = {
  contractId: string;
  version: number;
  sha256: string;
  name: string;
  signedAt: number;
  ip: string | null;
};

export const contractNotSigned = () =>
  refusal(
    "contract_not_signed",
    "This session needs the contract signed: read it and type your full name to sign.",
    "signature",
    "Sign the contract to book.",
  );

export const contractChanged = () =>
  refusal(
    "contract_changed",
    "The studio changed the contract since you read it. Please read it again and sign.",
    "signature.contractId",
    "The contract changed.",
  );

/** The signature of `contract` by `name`, or the refusal when what was signed is not the contract in force. */
export function signatureOf(
  contract: Contract | null,
  signed: { contractId: string; name: string } | undefined,
  at: { now: number; ip: string | null },
): Signature | null {
  if (!contract) return null;
  if (!signed) throw contractNotSigned();
  if (signed.contractId !== contract.id) throw contractChanged();
  return {
    contractId: contract.id,
    version: contract.version,
    sha256: contract.sha256,
    name: signed.name,
    signedAt: at.now,
    ip: at.ip,
  };
}

/** The lines under a signed contract, in `say`'s words (the studio's are English). */
export const signatureLines = (s: Signature, say: Say = english): string[] => [
  say("contractSignedBy", { name: s.name, date: new Date(s.signedAt).toISOString() }),
  say("contractVersion", { version: s.version, sha256: s.sha256 }),
  ...(s.ip ? [say("contractFrom", { ip: s.ip })] : []),
];

type SignatureColumns = {
  contractId: string | null;
  contractVersion: number | null;
  contractHash: string | null;
  signedName: string | null;
  signedAt: number | null;
  signedIp: string | null;
};

/** A signature as a booking's row keeps it, and back; null when none was given. */
export const signatureColumns = (s: Signature | null): SignatureColumns => ({
  contractId: s?.contractId ?? null,
  contractVersion: s?.version ?? null,
  contractHash: s?.sha256 ?? null,
  signedName: s?.name ?? null,
  signedAt: s?.signedAt ?? null,
  signedIp: s?.ip ?? null,
});

export const bookingSignature = (row: SignatureColumns): Signature | null =>
  row.contractId &&
  row.contractHash &&
  row.signedName &&
  row.signedAt !== null &&
  row.contractVersion !== null
    ? {
        contractId: row.contractId,
        version: row.contractVersion,
        sha256: row.contractHash,
        name: row.signedName,
        signedAt: row.signedAt,
        ip: row.signedIp,
      }
    : null;

/**
 * The copy of a signed contract: the appointment, the exact text, the signature. The client's is
 * in their language; `studioContractCopy` is the studio's.
 */
export function contractCopy(
  f: AppointmentFacts,
  text: string,
  s: Signature,
  say: Say = mailWords(f.locale),
): Message {
  const params = { session: f.sessionName, studio: f.studioName, name: s.name };
  return compose(say("contractSubject", params), [
    { text: say("contractNews", params) },
    { text: details(f, say) },
    { text },
    { text: signatureLines(s, say).join("\n") },
  ]);
}

/** The studio's copy: in English, as its other notices are, with dates in its locale. */
export const studioContractCopy = (f: AppointmentFacts, text: string, s: Signature): Message =>
  contractCopy(studioSide(f), text, s, english);

/** For the studio's notice: the client's answers and signature, when there are any. */
export const formBlocks = (answers: Answer[], s: Signature | null): Block[] => [
  ...(answers.length > 0 ? [{ text: `Answers\n\n${answersText(answers)}` }] : []),
  ...(s ? [{ text: `Contract\n${signatureLines(s).join("\n")}` }] : []),
];
