// Two app instances on one database: a user connected to instance B receives, live, what code on
// instance A emits — through the Postgres adapter by default and the Redis adapter when
// REDIS_URL is set — exactly once per socket. That two instances never send the same email job
// twice is covered in email-delivery.test.ts ("never sends a job twice with two workers…").
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { db } from "@/lib/db";
import type { ServerToClientEvents } from "@/lib/realtime/protocol";
import type { NotificationItem } from "@/lib/notifications/item";
import { resetDatabase, sessionCookie } from "../support/integration";
import { nextEvent } from "../support/realtime";
import { startInstance, startTestRedis, waitForCluster, type Instance, type TestRedis } from "../support/instances";

type ClientSocket = Socket<ServerToClientEvents>;

// Unique users, so that nothing else on a shared Redis can emit into these rooms.
async function createUser() {
  const id = `u_scale_${randomUUID().slice(0, 8)}`;
  await db.user.create({ data: { id, email: `${id}@scale.test`, name: id, organizationId: "cust_adatum" } });
  return { id, cookie: await sessionCookie(id) };
}

function notification(id: string, body = "Card declined"): NotificationItem {
  return {
    id,
    eventId: `evt_${id}`,
    type: "subscription.renewal_failed",
    category: "subscriptions",
    title: "Renewal failed",
    body,
    url: null,
    createdAt: new Date().toISOString(),
    readAt: null,
    archivedAt: null,
    critical: true,
    reason: "You are the primary contact of Adatum",
  };
}

/** Every notification:new id this socket receives, in order. */
function record(socket: ClientSocket) {
  const ids: string[] = [];
  socket.on("notification:new", (item) => ids.push(item.id));
  return ids;
}

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

async function waitFor(condition: () => boolean, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await settle(10);
  }
}

let redis: TestRedis | undefined;

beforeAll(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await redis?.stop();
});

describe.each([
  { adapter: "postgres", config: async () => ({}) },
  {
    adapter: "redis",
    config: async () => {
      redis ??= await startTestRedis();
      return { REDIS_URL: redis.url };
    },
  },
])("two instances with the $adapter adapter", ({ adapter, config }) => {
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    const options = await config();
    a = await startInstance(options);
    b = await startInstance(options);
    await waitForCluster([a, b]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it(`uses the ${adapter} adapter`, () => {
    expect(a.adapter).toBe(adapter);
    expect(b.adapter).toBe(adapter);
  });

  it("delivers to a socket on B what A emits, and read state changed on A to B", async () => {
    const user = await createUser();
    const onB = await b.connect(user.cookie);
    const created = nextEvent(onB, "notification:new");
    a.emitToUser(user.id, "notification:new", notification("n_cross"));
    expect((await created).id).toBe("n_cross");

    const updated = nextEvent(onB, "notification:updated");
    const count = nextEvent(onB, "notifications:unread-count");
    a.emitToUser(user.id, "notification:updated", {
      id: "n_cross",
      readAt: "2026-11-26T10:00:00.000Z",
      archivedAt: null,
    });
    a.emitToUser(user.id, "notifications:unread-count", { count: 0 });
    expect(await updated).toEqual({ id: "n_cross", readAt: "2026-11-26T10:00:00.000Z", archivedAt: null });
    expect(await count).toEqual({ count: 0 });
  });

  it("delivers each emit exactly once to every socket of the user, whichever instance emits", async () => {
    const user = await createUser();
    const other = await createUser();
    const tabs = [await a.connect(user.cookie), await b.connect(user.cookie), await b.connect(user.cookie)];
    const received = tabs.map(record);
    const otherReceived = record(await a.connect(other.cookie));

    a.emitToUser(user.id, "notification:new", notification("n_from_a"));
    b.emitToUser(user.id, "notification:new", notification("n_from_b"));
    await waitFor(() => received.every((ids) => ids.length >= 2));
    await settle(); // time for a duplicate to show up, if the adapters were to produce one

    for (const ids of received) expect([...ids].sort()).toEqual(["n_from_a", "n_from_b"]);
    expect(otherReceived).toEqual([]);
  });

  it("carries payloads larger than a NOTIFY allows", async () => {
    // Over 8,000 bytes the Postgres adapter passes the payload through socket_io_attachments.
    const user = await createUser();
    const onB = await b.connect(user.cookie);
    const created = nextEvent(onB, "notification:new");
    const body = "x".repeat(20_000);
    a.emitToUser(user.id, "notification:new", notification("n_large", body));
    expect((await created).body).toBe(body);
  });

  it("lets a third instance join, emit and leave without disturbing B", async () => {
    const user = await createUser();
    const onB = await b.connect(user.cookie);
    const c = await startInstance(await config());
    try {
      const created = nextEvent(onB, "notification:new");
      c.emitToUser(user.id, "notification:new", notification("n_from_c"));
      expect((await created).id).toBe("n_from_c");
    } finally {
      await c.close();
    }
    // B still serves its own sockets once a peer has gone away.
    const again = nextEvent(onB, "notification:new");
    b.emitToUser(user.id, "notification:new", notification("n_local"));
    expect((await again).id).toBe("n_local");
  });
});

describe("an instance that has been alone (Postgres adapter)", () => {
  it("delivers locally without peers, and across instances once a second one joins", async () => {
    // Past its grace period with no peer, an instance skips the NOTIFY round trip.
    const alone = await startInstance({}, { peerGraceMs: 0 });
    let joined: Instance | undefined;
    try {
      const user = await createUser();
      const local = await alone.connect(user.cookie);
      const first = nextEvent(local, "notification:new");
      alone.emitToUser(user.id, "notification:new", notification("n_alone"));
      expect((await first).id).toBe("n_alone");

      joined = await startInstance({}, { peerGraceMs: 0 });
      await waitForCluster([alone, joined]);
      const remote = await joined.connect(user.cookie);
      const received = [record(local), record(remote)];
      alone.emitToUser(user.id, "notification:new", notification("n_after_join"));
      await waitFor(() => received.every((ids) => ids.length >= 1));
      await settle();
      expect(received).toEqual([["n_after_join"], ["n_after_join"]]);
    } finally {
      await joined?.close();
      await alone.close();
    }
  });
});
