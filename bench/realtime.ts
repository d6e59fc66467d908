// The socket phases: the app holding idle sockets (section 5), a fan-out to all of them (2) and
// steady delivery to some of them (3); then the same on a bare Socket.IO server (the baselines).
import type { Socket } from "socket.io-client";
import type { Bench } from "./context";
import { sessionCookies } from "./directory";
import { appDeliveryBody, bareDeliveryBody, measureDelivery } from "./delivery";
import { appFanout, bareFanout, ruleFanout, type FanoutRun } from "./fanout";
import { measureRss, settle, startBareServer } from "./memory";
import { connectMany, disconnectAll, type ClientOptions } from "./sockets";
import type { Metric } from "./stats";
import { postBacklog, settleQueue } from "./email-queue";

export interface RealtimeResults {
  rss: Map<number, Metric | string>;
  fanout?: FanoutRun | null;
  ruleFanout?: FanoutRun | null;
  bareFanout?: Metric;
  delivery?: Metric | string;
}

/** Connects up to each memory step, measuring RSS at each; returns every socket. */
async function connectInSteps(bench: Bench, pid: number, clients: ClientOptions[], rss: Map<number, Metric | string>) {
  rss.set(0, await measureRss(pid));
  let sockets: Socket[] = [];
  for (const count of bench.sizes.memorySockets) {
    sockets = sockets.concat(await connectMany(clients.slice(sockets.length, count)));
    rss.set(count, await measureRss(pid));
    bench.log(`5 ${count.toLocaleString("en-US")} sockets: RSS ${JSON.stringify(rss.get(count))}`);
  }
  return sockets;
}

export async function appRealtime(bench: Bench, results: RealtimeResults) {
  const cookies = await sessionCookies(bench.directory.users, bench.secret);
  const sockets = await connectInSteps(
    bench,
    bench.pid,
    cookies.map((cookie) => ({ url: bench.url, cookie })),
    results.rss,
  );
  try {
    results.fanout = await appFanout(bench, sockets);
    bench.log(
      `2 fan-out: response ${JSON.stringify(results.fanout?.response.latency)}, delivered ${JSON.stringify(results.fanout?.delivered.latency)}`,
    );
    // The same fan-out routed by a recipient rule (roles and outside addresses), on the same sockets.
    results.ruleFanout = await ruleFanout(bench, sockets);
    bench.log(`2 rule fan-out: response ${JSON.stringify(results.ruleFanout?.response.latency)}`);
    disconnectAll(sockets.slice(bench.sizes.e2eSockets));
    await settle(1000);
    if (!(await bench.routeExists("/api/v1/events"))) results.delivery = "n/a (route missing)";
    else {
      if (bench.email) {
        // Email on: measured while a backlog drains (the fan-outs' own emails are dropped first).
        await settleQueue(bench, 0);
        await postBacklog(bench, bench.sizes.emailBacklog, bench.directory.users.slice(bench.sizes.e2eSockets));
      }
      results.delivery = await measureDelivery({
        url: bench.url,
        path: "/api/v1/events",
        headers: { authorization: `Bearer ${bench.directory.apiKey}` },
        sockets: sockets.slice(0, bench.sizes.e2eSockets),
        userIds: bench.directory.users.slice(0, bench.sizes.e2eSockets),
        rate: bench.sizes.e2eRate,
        seconds: bench.sizes.e2eSeconds,
        warmUpSeconds: bench.sizes.e2eWarmUpSeconds,
        body: appDeliveryBody,
      });
      bench.log(`3 delivery: ${JSON.stringify(results.delivery.latency)}`);
    }
  } finally {
    disconnectAll(sockets);
  }
}

export async function bareRealtime(bench: Bench, port: number, results: RealtimeResults) {
  const bare = await startBareServer(port);
  const users = bench.directory.users;
  let sockets: Socket[] = [];
  try {
    sockets = await connectInSteps(
      bench,
      bare.pid,
      users.map((userId) => ({ url: bare.url, auth: { userId } })),
      results.rss,
    );
    results.bareFanout = await bareFanout(bare.url, sockets, users.slice(0, sockets.length), bench.sizes.fanoutRepeats);
    disconnectAll(sockets.slice(bench.sizes.e2eSockets));
    results.delivery = await measureDelivery({
      url: bare.url,
      path: "/emit",
      headers: {},
      sockets: sockets.slice(0, bench.sizes.e2eSockets),
      userIds: users.slice(0, bench.sizes.e2eSockets),
      rate: bench.sizes.e2eRate,
      seconds: bench.sizes.e2eSeconds,
      warmUpSeconds: bench.sizes.e2eWarmUpSeconds,
      body: bareDeliveryBody,
    });
    bench.log(`3 delivery (bare): ${JSON.stringify(results.delivery.latency)}`);
  } finally {
    disconnectAll(sockets);
    await bare.stop();
  }
}
