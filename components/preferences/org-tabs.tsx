import Link from "next/link";
import { clsx } from "clsx";

const tabs = [
  { key: "notifications", label: "Notification settings" },
  { key: "webhooks", label: "Webhooks" },
] as const;

/** The sections of an organization's settings. */
export function OrgTabs({
  organizationId,
  current,
}: {
  organizationId: string;
  current: (typeof tabs)[number]["key"];
}) {
  return (
    <nav aria-label="Organization settings" className="mt-4 border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={`/admin/organizations/${encodeURIComponent(organizationId)}/${tab.key}`}
              aria-current={tab.key === current ? "page" : undefined}
              className={clsx(
                "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                tab.key === current
                  ? "border-brand-600 text-zinc-900 dark:text-zinc-100"
                  : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
