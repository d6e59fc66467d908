import { clsx } from "clsx";

// Shared table styling. Tables keep their columns and scroll sideways on narrow screens; the
// scroll region is focusable and labelled so keyboard users can scroll it too.
export const tableClass = "w-full min-w-[40rem] border-collapse text-left text-sm";
export const captionClass = "sr-only";
export const thClass = "border-b border-zinc-200 px-3 py-2 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400";
export const tdClass = "border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800/70";

export function TableScroll({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={clsx("overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900", className)}
    >
      {children}
    </div>
  );
}
