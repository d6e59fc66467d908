import { describe, expect, it } from "vitest";
import { groupCommit } from "@/lib/notifications/group-commit";

/** A run that records each group it was given and finishes when the test says so. */
function recorder(maxGroup = 500) {
  const runs: { inputs: number[]; context: string; finish(): void; fail(error: Error): void }[] = [];
  const commit = groupCommit<number, string, string>({
    key: (context) => context,
    maxGroup,
    run: (inputs, context) =>
      new Promise((resolve, reject) =>
        runs.push({
          inputs,
          context,
          finish: () => resolve(inputs.map((n) => `${context}:${n}`)),
          fail: reject,
        }),
      ),
  });
  return { commit, runs };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("group commit", () => {
  it("runs a call on an idle key at once, alone", async () => {
    const { commit, runs } = recorder();
    const result = commit(1, "a");
    expect(runs.map((r) => r.inputs)).toEqual([[1]]);
    runs[0]!.finish();
    expect(await result).toBe("a:1");
  });

  it("lets calls that arrive during a run share the next run, each getting its own result in order", async () => {
    const { commit, runs } = recorder();
    const first = commit(1, "a");
    const waiting = [commit(2, "a"), commit(3, "a"), commit(4, "a")];
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await first;
    await settle();
    expect(runs.map((r) => r.inputs)).toEqual([[1], [2, 3, 4]]);
    runs[1]!.finish();
    expect(await Promise.all(waiting)).toEqual(["a:2", "a:3", "a:4"]);
  });

  it("never puts more than maxGroup inputs in one run", async () => {
    const { commit, runs } = recorder(2);
    const all = [1, 2, 3, 4, 5, 6].map((n) => commit(n, "a"));
    for (let i = 0; i < 4 && runs[i]; i++) {
      runs[i]!.finish();
      await settle();
    }
    expect(runs.map((r) => r.inputs)).toEqual([[1], [2, 3], [4, 5], [6]]);
    expect(await Promise.all(all)).toEqual(["a:1", "a:2", "a:3", "a:4", "a:5", "a:6"]);
  });

  it("never mixes keys: another key runs at once, in parallel, with its own context", async () => {
    const { commit, runs } = recorder();
    const a = commit(1, "a");
    const b = commit(2, "b");
    expect(runs.map((r) => [r.context, r.inputs])).toEqual([
      ["a", [1]],
      ["b", [2]],
    ]);
    runs[1]!.finish();
    runs[0]!.finish();
    expect(await Promise.all([a, b])).toEqual(["a:1", "b:2"]);
  });

  it("rejects only the failed run's calls, and keeps serving after it", async () => {
    const { commit, runs } = recorder();
    const first = commit(1, "a");
    const second = commit(2, "a");
    runs[0]!.fail(new Error("connection lost"));
    await expect(first).rejects.toThrow("connection lost");
    await settle();
    runs[1]!.finish();
    expect(await second).toBe("a:2");
    const third = commit(3, "a");
    runs[2]!.finish();
    expect(await third).toBe("a:3");
  });
});
