import { Badge } from "@/components/console/badge";
import { Time } from "@/components/console/time";
import type { Attempt } from "./api";

const ok = (attempt: Attempt) => attempt.httpStatus !== null && attempt.httpStatus >= 200 && attempt.httpStatus < 300;

/** One attempt: when, the answer's status (or why there was none), how long, what it said. */
export function AttemptLine({ attempt }: { attempt: Attempt }) {
  return (
    <div className="min-w-0 text-xs">
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Time date={new Date(attempt.at)} className="text-muted tabular-nums" />
        <Badge tone={ok(attempt) ? "success" : "danger"}>
          {attempt.httpStatus === null ? "no answer" : `HTTP ${attempt.httpStatus}`}
        </Badge>
        <span className="text-muted">{attempt.durationMs} ms</span>
        {attempt.error && !attempt.error.startsWith("HTTP ") && (
          <span className="break-all text-red-700 dark:text-red-400">{attempt.error}</span>
        )}
      </span>
      {attempt.responseExcerpt && (
        <pre className="mt-1 max-h-24 overflow-auto rounded bg-zinc-50 p-2 font-mono text-[11px] break-all whitespace-pre-wrap text-zinc-700 dark:bg-zinc-950 dark:text-zinc-300">
          {attempt.responseExcerpt}
        </pre>
      )}
    </div>
  );
}
