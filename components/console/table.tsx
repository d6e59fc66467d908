import { clsx } from "clsx";

// Shared table styling. On wider screens tables keep their columns and scroll sideways when they
// must (the scroll region is focusable and labelled so keyboard users can scroll it too). On
// phones, "collapsing" tables become one card per row: the header row is visually hidden and each
// cell shows its own label (see `Cell`).
export const tableClass = "w-full min-w-[40rem] border-collapse text-left text-sm";
export const captionClass = "sr-only";
export const thClass =
  "border-b border-zinc-200 px-3 py-2 text-xs font-medium tracking-wide text-muted uppercase dark:border-zinc-800";
export const tdClass = "border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800/70";

export const collapsing = {
  table: "max-sm:block max-sm:min-w-0",
  thead: "max-sm:sr-only",
  tbody: "max-sm:block",
  row: "max-sm:block max-sm:border-b max-sm:border-zinc-200 max-sm:py-2 max-sm:dark:border-zinc-800",
  cell: "max-sm:flex max-sm:gap-3 max-sm:border-0 max-sm:py-1",
};

export function TableScroll({
  label,
  children,
  className,
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={clsx(
        "overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
        className,
      )}
    >
      {children}
    </div>
  );
}

/** A cell of a collapsing table: on phones it shows its column's label before the value. */
export function Cell({
  label,
  className,
  children,
  ...props
}: React.TdHTMLAttributes<HTMLTableCellElement> & { label: string }) {
  return (
    <td className={clsx(tdClass, collapsing.cell, className)} {...props}>
      <span aria-hidden className="w-28 shrink-0 text-xs font-medium tracking-wide text-muted uppercase sm:hidden">
        {label}
      </span>
      <div className="min-w-0">{children}</div>
    </td>
  );
}
