"use client";

import { format, formatDistanceStrict } from "date-fns";
import { useEffect, useState } from "react";

// "5 min ago" with the exact local time on hover. Re-renders each minute; the server's render
// may differ by a minute or a time zone, hence suppressHydrationWarning.
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(iso);
  const seconds = (now - date.getTime()) / 1000;
  const label = seconds < 45 ? "just now" : `${formatDistanceStrict(date, now)} ago`;
  return (
    <time dateTime={iso} title={format(date, "PPPP 'at' p")} className={className} suppressHydrationWarning>
      {label}
    </time>
  );
}

/** "Emailed 10:02 · delivered" (or "Email queued", "Email bounced" before or without sending). */
export function EmailStatus({ email }: { email: { status: string; at: string } }) {
  const date = new Date(email.at);
  const status = email.status.replace(/_/g, " ");
  const sent = ["sent", "delivered", "delivery_delayed", "bounced", "complained", "opened", "clicked"].includes(
    email.status,
  );
  return (
    <span title={format(date, "PPPP 'at' p")} suppressHydrationWarning>
      {sent ? `Emailed ${format(date, "HH:mm")} · ${status}` : `Email ${status}`}
    </span>
  );
}
