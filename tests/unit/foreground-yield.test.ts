// The queues give way to the main thread (lib/queue/foreground.ts): a claim waits while the shared
// utilization is at or above the threshold, for at most the limit, and not at all below it or once
// the worker stops. The utilization is written here by hand, as the main thread's sampler would.
import { afterEach, describe, expect, it } from "vitest";
import {
  foregroundLoad,
  giveWayToForeground,
  shareForegroundLoad,
  storeForegroundLoad,
  watchForegroundLoad,
} from "@/lib/queue/foreground";

const buffer = new SharedArrayBuffer(4);
const setLoad = (utilization: number) => storeForegroundLoad(buffer, utilization);

afterEach(() => setLoad(0));

describe("giving way to the main thread", () => {
  watchForegroundLoad(buffer, { threshold: 0.5, maxWaitMs: 400 });

  it("does not wait below the threshold", async () => {
    setLoad(0.49);
    expect(await giveWayToForeground("email")).toBe(0);
  });

  it("waits while the load stays high, for at most the limit", async () => {
    setLoad(0.5);
    const waited = await giveWayToForeground("email");
    expect(waited).toBeGreaterThanOrEqual(400);
    expect(waited).toBeLessThan(1_000);
  });

  it("goes on as soon as the load drops", async () => {
    setLoad(0.95);
    setTimeout(() => setLoad(0.2), 100);
    const waited = await giveWayToForeground("email");
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(400);
  });

  it("goes on at once when the worker stops", async () => {
    setLoad(0.95);
    let stopping = false;
    setTimeout(() => (stopping = true), 50);
    expect(await giveWayToForeground("email", () => stopping)).toBeLessThan(400);
  });
});

describe("the main thread's sampler", () => {
  it("publishes its event loop's utilization", async () => {
    const shared = shareForegroundLoad();
    try {
      watchForegroundLoad(shared.buffer, { threshold: 0.5, maxWaitMs: 400 });
      const end = Date.now() + 250;
      while (Date.now() < end); // a busy loop: no turn for 250 ms
      await new Promise((resolve) => setTimeout(resolve, 10)); // the overdue sample is taken first
      expect(foregroundLoad()).toBeGreaterThan(0.5);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(foregroundLoad()).toBeLessThan(0.5);
    } finally {
      shared.stop();
      watchForegroundLoad(buffer, { threshold: 0.5, maxWaitMs: 400 });
    }
  });
});
