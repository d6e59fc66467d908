import Link from "next/link";
import { clsx } from "clsx";

export const consoleSections = [
  {
    key: "activity",
    href: "/admin/activity",
    label: "Activity",
    description: "Every event received, duplicates and rejected requests, with what each one delivered.",
  },
  {
    key: "test-event",
    href: "/admin/test-event",
    label: "Send a test event",
    description: "Send any type through the real ingest path and follow its delivery trail.",
  },
  {
    key: "api-keys",
    href: "/admin/api-keys",
    label: "API keys",
    description: "Create and revoke the platform's API keys; every change is audited.",
  },
  {
    key: "directory",
    href: "/admin/directory",
    label: "Directory",
    description: "The organization tree with users, roles and contacts.",
  },
] as const;

export type ConsoleSection = (typeof consoleSections)[number]["key"] | "overview";

/** The console's own navigation: a row of tabs that scrolls sideways on phones. */
export function ConsoleNav({ current }: { current: ConsoleSection }) {
  return (
    <nav aria-label="Console" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {[{ key: "overview", href: "/admin", label: "Overview" } as const, ...consoleSections].map((section) => (
          <li key={section.key}>
            <Link
              href={section.href}
              aria-current={current === section.key ? "page" : undefined}
              className={clsx(
                "-mb-px block border-b-2 px-3 py-2 text-sm whitespace-nowrap",
                current === section.key
                  ? "border-brand-600 font-medium text-zinc-900 dark:border-brand-500 dark:text-zinc-50"
                  : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
