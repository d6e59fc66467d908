// Node flags for the process's worker threads (the render pool, the queue thread). They run
// TypeScript: they load tsx's loader, as the main thread does under `tsx` or `node --import tsx`;
// under other runners (Vitest) it is added here. `--cpu-prof` (npm run bench -- --profile) makes
// each thread write its own profile, beside the main thread's (`--cpu-prof-dir`); a fixed
// `--cpu-prof-name` would make them overwrite one another.
export function threadExecArgv(): string[] {
  const argv = process.execArgv.filter((arg) => !arg.startsWith("--cpu-prof-name"));
  return argv.some((arg) => arg.includes("tsx")) ? argv : [...argv, "--import", "tsx"];
}
