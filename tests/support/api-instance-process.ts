// Another app instance in its own process, serving the Platform API's organization upsert
// (PUT /api/v1/organizations/{id}) through the real route handler, for tests of what instances
// share. Reads DATABASE_URL, AUTH_SECRET and the rest from the environment; prints its URL once listening.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PUT } from "@/app/api/v1/organizations/[id]/route";

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const id = /^\/api\/v1\/organizations\/([^/?]+)$/.exec(req.url ?? "")?.[1];
  if (req.method !== "PUT" || !id) return res.writeHead(404).end();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`http://localhost${req.url}`, { method: "PUT", headers, body: Buffer.concat(chunks) });
  const response = await PUT(request, { params: Promise.resolve({ id: decodeURIComponent(id) }) });
  res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
