import { clsx } from "clsx";

const tones = {
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
  success:
    "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-900",
  warning: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-900",
  danger: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-900",
  info: "bg-brand-50 text-brand-700 ring-brand-100 dark:bg-brand-700/30 dark:text-brand-100 dark:ring-brand-700",
} as const;

export type Tone = keyof typeof tones;

export function Badge({
  tone = "neutral",
  children,
  className,
}: {
  tone?: Tone;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <span
      className={clsx(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

/** Colour of an activity result or an email delivery status. */
export function statusTone(status: string): Tone {
  if (["accepted", "created", "sent", "delivered", "queued", "held", "digested"].includes(status))
    return ["queued", "held", "digested"].includes(status) ? "info" : "success";
  if (["duplicate", "sending", "delivery_delayed", "suppressed", "no_address", "inactive", "empty"].includes(status))
    return "warning";
  if (["rejected", "bounced", "complained", "failed", "dead", "unknown_user"].includes(status)) return "danger";
  return "neutral";
}
