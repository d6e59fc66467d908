// The matrix's layout, shared by the user and the admin pages: one card per category, a header row
// with the channel columns, one row per type. Wide screens: columns; phones: everything stacks.
import { clsx } from "clsx";
import { channels, type Channel } from "@/lib/notifications/catalog";
import { channelLabels } from "@/lib/preferences/labels";

type Columns = "user" | "admin";

const grid: Record<Columns, string> = {
  user: "sm:grid sm:grid-cols-[minmax(0,1fr)_12rem_12rem] sm:items-start sm:gap-4",
  admin: "lg:grid lg:grid-cols-[minmax(0,1fr)_17rem_17rem] lg:items-start lg:gap-4",
};

export function MatrixSection({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      {children}
    </section>
  );
}

export function CategoryHeader({
  id,
  title,
  cell,
  columns = "user",
}: {
  id: string;
  title: string;
  cell: (channel: Channel) => React.ReactNode;
  columns?: Columns;
}) {
  return (
    <div
      className={clsx(
        "flex flex-col gap-2 border-b border-zinc-200 bg-zinc-50 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900/60",
        grid[columns],
      )}
    >
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <div className={clsx("flex flex-wrap gap-x-6 gap-y-2", columns === "user" ? "sm:contents" : "lg:contents")}>
        {channels.map((channel) => (
          <div key={channel} className="flex items-center gap-2">
            <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{channelLabels[channel]}</span>
            {cell(channel)}
          </div>
        ))}
      </div>
    </div>
  );
}

export function MatrixRow({
  label,
  description,
  children,
  columns = "user",
}: {
  label: string;
  description: string;
  children: React.ReactNode;
  columns?: Columns;
}) {
  return (
    <div
      className={clsx(
        "flex flex-col gap-3 border-b border-zinc-100 px-4 py-3 last:border-b-0 dark:border-zinc-800",
        grid[columns],
      )}
    >
      <div className="min-w-0">
        <p className="text-sm font-medium">{label}</p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{description}</p>
      </div>
      {children}
    </div>
  );
}

/** On phones the channel columns have no header above them, so each cell names its channel. */
export function CellChannelLabel({ channel, columns = "user" }: { channel: Channel; columns?: Columns }) {
  return (
    <span
      aria-hidden
      className={clsx(
        "w-14 shrink-0 text-sm text-zinc-600 dark:text-zinc-400",
        columns === "user" ? "sm:hidden" : "lg:hidden",
      )}
    >
      {channelLabels[channel]}
    </span>
  );
}
