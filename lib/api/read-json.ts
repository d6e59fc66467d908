// Reads a JSON request body with the checks every endpoint needs: content type (415),
// size (413, also when Content-Length is absent or lies) and syntax (400).
import { bodyTooLarge, MAX_BODY_BYTES } from "@/lib/api/body-limits";
import { AppError } from "@/lib/errors";

export { MAX_BODY_BYTES };

export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  return parseJson(await readBodyText(request, maxBytes));
}

/** The body as text, after the content-type and size checks. */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => bodyTooLarge(maxBytes);
  if (declared > maxBytes) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJson(text: string): unknown {
  if (!text.trim()) throw new AppError("malformed_json", "The body is empty; send a JSON document");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("malformed_json", `The body is not valid JSON${whereItBreaks(text, error as Error)}`);
  }
}

// The parser's own message quotes the text around the error ("…assword": hunter2}" is not valid
// JSON), and error messages are stored and shown: only a position may come out of it, never text.
function whereItBreaks(text: string, error: Error): string {
  if (/unexpected end/i.test(error.message)) return ": it ends before the document is complete";
  const position = /\bposition (\d+)/.exec(error.message)?.[1];
  if (position === undefined) return "";
  const before = text.slice(0, Number(position)).split("\n");
  return ` (line ${before.length}, column ${before.at(-1)!.length + 1})`;
}

/** For endpoints whose body is optional: an empty body reads as {}. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const length = request.headers.get("content-length");
  if (length === "0" || (!length && !request.headers.get("content-type"))) return {};
  return readJson(request);
}
