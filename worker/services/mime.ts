/**
 * A small RFC 5322 / MIME writer for Cloudflare's send_email binding, which takes raw messages:
 * multipart/alternative with a text and an HTML part, UTF-8 throughout. Bodies are base64 and
 * non-ASCII header text is RFC 2047 encoded, so user text can never break out of a header.
 */

export type Mailbox = { name: string; address: string };

export type MimeMessage = {
  from: Mailbox;
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
  /** Further headers of our own making (List-Unsubscribe), printable ASCII. */
  extraHeaders?: Record<string, string>;
};

const crlf = "\r\n";
const utf8 = new TextEncoder();

/** `Name <address>` or a bare address, as MAIL_FROM is written. */
export function parseMailbox(value: string): Mailbox {
  const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(value);
  const mailbox = match
    ? { name: match[1] ?? "", address: match[2] ?? "" }
    : { name: "", address: value.trim() };
  return { name: mailbox.name.replace(/^"(.*)"$/, "$1"), address: checkedAddress(mailbox.address) };
}

function checkedAddress(address: string): string {
  if (!/^[^\s<>()[\]\\,;:"@]+@[^\s<>()[\]\\,;:"@]+$/.test(address)) {
    throw new Error(`Not an email address: ${JSON.stringify(address)}`);
  }
  return address;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Header text as is when it is plain printable ASCII, else as UTF-8 encoded words of at most 75 characters. */
export function encodeHeaderText(value: string): string {
  const flat = value.replace(/[\r\n]+/g, " ");
  if (/^[\x20-\x7e]*$/.test(flat) && !flat.includes("=?")) return flat;
  const words: string[] = [];
  let chunk = "";
  for (const ch of flat) {
    // 45 bytes of UTF-8 make 60 base64 characters: with `=?UTF-8?B?` and `?=`, 72 in all.
    if (utf8.encode(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8.encode(w))}?=`).join(`${crlf} `);
}

export const formatMailbox = ({ name, address }: Mailbox): string => {
  if (!name) return address;
  const display = /^[\x20-\x7e]*$/.test(name)
    ? `"${name.replace(/[\\"]/g, "\\$&")}"`
    : encodeHeaderText(name);
  return `${display} <${address}>`;
};

const bodyPart = (type: string, content: string): string =>
  [
    `Content-Type: ${type}; charset=utf-8`,
    "Content-Transfer-Encoding: base64",
    "",
    (base64(utf8.encode(content)).match(/.{1,76}/g) ?? []).join(crlf),
  ].join(crlf);

export function buildMime(m: MimeMessage): string {
  const boundary = `spotbook-${crypto.randomUUID()}`;
  const headers = [
    `From: ${formatMailbox(m.from)}`,
    `To: ${checkedAddress(m.to)}`,
    ...(m.replyTo ? [`Reply-To: ${checkedAddress(m.replyTo)}`] : []),
    `Subject: ${encodeHeaderText(m.subject)}`,
    `Date: ${m.date.toUTCString()}`,
    `Message-ID: <${m.messageId}>`,
    ...Object.entries(m.extraHeaders ?? {}).map(([name, value]) => `${name}: ${encodeHeaderText(value)}`),
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative;${crlf} boundary="${boundary}"`,
  ];
  return [
    ...headers,
    "",
    `--${boundary}`,
    bodyPart("text/plain", m.text),
    `--${boundary}`,
    bodyPart("text/html", m.html),
    `--${boundary}--`,
    "",
  ].join(crlf);
}
