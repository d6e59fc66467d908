// Webhook attempts reuse a kept-alive connection to an endpoint, and a connection the receiver
// closed meanwhile costs no failed attempt. A real HTTP receiver on loopback.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { AddressPolicy } from "@/lib/webhooks/address-guard";
import { sendWebhook } from "@/lib/webhooks/send";

const policy: AddressPolicy = { allowPrivate: true, requireHttps: false, lookup: async () => [] };
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function receiver(answer: (request: IncomingMessage, served: number) => "ok" | "cut") {
  const connections: number[] = [];
  const received: string[] = [];
  server = createServer((request, response) => {
    const socket = request.socket as { served?: number } & typeof request.socket;
    socket.served = (socket.served ?? 0) + 1;
    request.resume();
    request.on("end", () => {
      received.push(String(request.headers["webhook-id"]));
      if (answer(request, socket.served!) === "cut") socket.destroy();
      else response.end("thanks");
    });
  });
  server.on("connection", () => connections.push(Date.now()));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, connections, received };
}

const send = (url: string, id: string) =>
  sendWebhook({ url, headers: { "webhook-id": id }, body: "{}", policy, timeoutMs: 2_000 });

describe("webhook connections", () => {
  it("sends one endpoint's messages over one kept-alive connection", async () => {
    const { url, connections, received } = await receiver(() => "ok");
    for (let i = 0; i < 5; i++) expect(await send(url, `msg_${i}`)).toMatchObject({ ok: true, httpStatus: 200 });
    expect(received).toEqual(["msg_0", "msg_1", "msg_2", "msg_3", "msg_4"]);
    expect(connections).toHaveLength(1);
  });

  it("a kept-alive connection the receiver dropped: sent again at once on a new one, delivered", async () => {
    // The receiver drops every connection at its second request (as a server whose idle timeout
    // closed it just as the request arrived).
    const { url, connections, received } = await receiver((_request, served) => (served > 1 ? "cut" : "ok"));
    expect(await send(url, "msg_a")).toMatchObject({ ok: true });
    expect(await send(url, "msg_b")).toMatchObject({ ok: true, httpStatus: 200 });
    expect(received).toEqual(["msg_a", "msg_b", "msg_b"]);
    expect(connections).toHaveLength(2);
  });

  it("a receiver that drops a new connection: the attempt fails (retried by the schedule), not sent twice", async () => {
    const { url, received } = await receiver(() => "cut");
    const outcome = await send(url, "msg_c");
    expect(outcome).toMatchObject({ ok: false, httpStatus: null });
    expect(received).toEqual(["msg_c"]);
  });
});
