// `npm test`: every suite — unit and integration (Vitest), then end-to-end (Playwright, against
// the production build) — and one closing line with the totals: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const only = process.argv[2]; // "vitest" | "e2e" | undefined (all)
mkdirSync("test-results", { recursive: true });
const run = (command, args) => spawnSync(command, args, { stdio: "inherit" }).status ?? 1;
let passed = 0;
let failed = 0;
let crashed = false;

if (only !== "e2e") {
  rmSync("test-results/vitest.json", { force: true });
  const status = run("npx", [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    "--outputFile.json=test-results/vitest.json",
  ]);
  if (existsSync("test-results/vitest.json")) {
    const report = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (status !== 0 && report.numFailedTests === 0) crashed = true; // e.g. a suite that failed to load
    failed += report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0;
  } else crashed = status !== 0;
}

if (only !== "vitest") {
  const build = run("npx", ["next", "build"]);
  if (build !== 0) crashed = true;
  else {
    rmSync("test-results/e2e.json", { force: true });
    const status = run("npx", ["playwright", "test"]);
    if (existsSync("test-results/e2e.json")) {
      const { stats } = JSON.parse(readFileSync("test-results/e2e.json", "utf8"));
      passed += stats.expected + stats.flaky;
      failed += stats.unexpected;
      if (status !== 0 && stats.unexpected === 0) crashed = true;
    } else crashed = status !== 0;
  }
}

if (crashed && failed === 0) failed = 1; // a suite that could not run counts as a failure
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
