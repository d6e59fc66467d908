// Control and bidirectional formatting characters in text that reaches a header, a subject or a
// name. CR/LF in an email subject or From name is a header break ("A\r\nBcc: …"); other C0/C1
// controls are invisible or break clients; bidi overrides and isolates (U+202E "right-to-left
// override") flip the surrounding text, so a name can make a link or a sentence read backwards.
//
// Two ways to use it, chosen per field:
// - refuse at the boundary, for input we validate (the Platform API's directory: user and
//   organization names → 422 at `name`, with `hasUnsafeCharacters` in lib/directory/schemas.ts);
// - clean at output, for text rendered from event fields we do not refuse an event for: email
//   subjects, From display names and header values of every email and digest (senderFor and
//   withSafeHeaders in lib/email/transport.ts); in-app titles, bodies and actor names where the
//   event's rows are made (lib/notifications/ingest.ts), and a digest's items. Cleaning at output
//   also covers rows stored before the boundary check existed.
// Webhook requests carry only headers the center makes (message id, timestamp, signatures).
//
// Client-safe: no server-only imports.

/** Line breaks and tabs: a one-line text gets a space in their place (words stay apart). */
const BREAKS = /\s*[\t\n\v\f\r\u0085\u2028\u2029]+\s*/g;

const UNSAFE_CLASS =
  // C0 controls and DEL, C1 controls, line/paragraph separators, Arabic letter mark,
  // LRM/RLM, embeddings and overrides (LRE RLE PDF LRO RLO), isolates (LRI RLI FSI PDI).
  "\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";
const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`, "g");
const UNSAFE_ONE = new RegExp(`[${UNSAFE_CLASS}]`);

/** What a refusal says (422 details). */
export const UNSAFE_CHARACTERS_MESSAGE =
  "must not contain line breaks, control characters or bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)";

/** True when the text holds any character that `cleanLine` would remove or replace. */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_ONE.test(text);
}

/** One line, safe for a header, a subject, a title or a name: breaks become a space, the rest goes. */
export function cleanLine(text: string): string {
  return text.replace(BREAKS, " ").replace(UNSAFE, "").trim();
}

/** Several lines (an in-app body): line breaks stay (as \n), every other control and bidi character goes. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(new RegExp(`(?!\\n)[${UNSAFE_CLASS}]`, "g"), "");
}

/**
 * The path of the first string (value or key) in a JSON value that holds U+0000, which Postgres
 * cannot store in text or jsonb; null when there is none. Input with one is refused (422), so that
 * it never fails a statement shared with other input.
 */
export function findNulCharacter(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findNulCharacter(value[index], [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...path, key];
      const found = findNulCharacter(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
