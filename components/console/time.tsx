// Console times are UTC, to the second, so they line up with the platform's logs.
export function formatUtc(date: Date | string) {
  const iso = typeof date === "string" ? date : date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function Time({ date, className }: { date: Date | string; className?: string }) {
  const iso = typeof date === "string" ? date : date.toISOString();
  return (
    <time dateTime={iso} className={className ?? "whitespace-nowrap tabular-nums"}>
      {formatUtc(iso)}
    </time>
  );
}
