// The body cap in front of every route (lib/api/body-limits.ts says how large), applied by the
// custom server before Next runs: before authentication, before NextAuth's callbacks, before any
// handler could buffer a body. A declared Content-Length over the cap is refused without reading
// the body (Node never reads past a declared length). A chunked body is counted as it arrives and
// held until it ends, so nothing downstream sees a byte of a body that turns out too large; at the
// first byte over the cap it is refused, and the connection stops being read.
import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimitFor, bodyTooLarge } from "@/lib/api/body-limits";
import { errorBody } from "@/lib/errors";

type Push = (chunk: Buffer | null, encoding?: BufferEncoding) => boolean;

/** Calls `next` when the request may go on to Next; otherwise answers 413 itself. */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, next: () => void) {
  const limit = bodyLimitFor((req.url ?? "/").split("?")[0]!);
  const declared = req.headers["content-length"];
  if (declared !== undefined) return Number(declared) > limit ? refuse(req, res, limit) : next();
  if (!req.headers["transfer-encoding"]) return next(); // no body

  // The HTTP parser hands each chunk of the body to the request stream's push(): count it there.
  const stream = req as unknown as { push: Push };
  const push = stream.push;
  const held: Buffer[] = [];
  let size = 0;
  stream.push = (chunk) => {
    if (chunk === null) {
      delete (stream as Partial<typeof stream>).push;
      for (const part of held) push.call(req, part);
      push.call(req, null);
      setImmediate(next);
      return false;
    }
    size += chunk.length;
    if (size <= limit) {
      held.push(chunk);
      return true;
    }
    held.length = 0;
    refuse(req, res, limit);
    return false;
  };
}

// After the 413 the connection closes. Closing a socket that still has unread data resets it, and
// a client that is busy sending would then lose the answer too; so the server says it is done
// (FIN), stops reading, and gives the client this long to read the answer before the reset.
const LINGER_MS = 2000;

function refuse(req: IncomingMessage, res: ServerResponse, limit: number) {
  const stream = req as unknown as { push: Push; _consuming: boolean };
  stream.push = () => false; // the parser pauses the socket at the next chunk of body
  stream._consuming = true; // and Node does not resume it after the answer to drain the body
  const socket = req.socket as typeof req.socket & { destroySoon(): void };
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  const body = JSON.stringify(errorBody(bodyTooLarge(limit)));
  res.writeHead(413, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  res.end(body);
}
