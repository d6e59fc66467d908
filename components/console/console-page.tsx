import { ConsoleNav, type ConsoleSection } from "@/components/console/console-nav";

/** Frame of every console page: the console tabs, a heading, an optional lead and actions. */
export function ConsolePage({
  current,
  title,
  description,
  actions,
  children,
}: {
  current: ConsoleSection;
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-6">
      <ConsoleNav current={current} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-words">{title}</h1>
          {description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
        </div>
        {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
