// A steady request rate for end-to-end latency. autocannon's rate limit releases each second's
// quota at once (every connection sends until its per-second budget is spent), which turns
// "200 events/s" into a burst every second; here each request leaves at its own slot, 1/rate
// apart, over a pool of keep-alive connections.
import http from "node:http";

interface PacedOptions {
  url: string;
  path: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  /** Called when a request leaves: returns its body. */
  body(): string;
}

export async function pacedLoad(options: PacedOptions) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(options.path, options.url);
  let ok = 0;
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const send = () =>
    new Promise<void>((resolve) => {
      const body = options.body();
      const request = http.request(
        target,
        {
          method: "POST",
          agent,
          headers: {
            ...options.headers,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => {
            if (response.statusCode && response.statusCode < 300) ok++;
            else failed++;
            resolve();
          });
        },
      );
      request.on("error", () => {
        failed++;
        resolve();
      });
      request.end(body);
    });
  const started = performance.now();
  const total = Math.round(options.rate * options.seconds);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send());
  }
  await Promise.all(inFlight);
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return { ok, failed, seconds };
}
