// A real upload over HTTP/1.1: writes `total` bytes (chunked, or with a declared Content-Length) as
// fast as the server reads them, and reports the answer and how many bytes the server let it
// write. The count is what shows whether a server stopped reading.
import { request } from "node:http";

interface UploadResult {
  status?: number;
  json?: any;
  /** Bytes handed to the socket before the server answered or the connection closed. */
  written: number;
  error?: string;
}

export function upload(options: {
  url: string;
  total: number;
  chunked: boolean;
  headers?: Record<string, string>;
  /** The bytes sent; a repeated "x" by default. */
  fill?: (offset: number, size: number) => Buffer;
}): Promise<UploadResult> {
  const url = new URL(options.url);
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (!options.chunked) headers["content-length"] = String(options.total);
  const fill = options.fill ?? ((_offset, size) => Buffer.alloc(size, "x"));
  return new Promise((resolve) => {
    let written = 0;
    let settled = false;
    const done = (result: Omit<UploadResult, "written">) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, written });
    };
    const req = request({ host: url.hostname, port: url.port, method: "POST", path: url.pathname, headers });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => (text += part));
      res.on("end", () => {
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {}
        done({ status: res.statusCode, json });
      });
      res.on("error", (error) => done({ status: res.statusCode, error: String(error) }));
    });
    req.on("error", (error) => done({ error: String(error) }));
    const pump = () => {
      while (written < options.total && !settled) {
        const size = Math.min(64 * 1024, options.total - written);
        const chunk = fill(written, size);
        written += size;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}
