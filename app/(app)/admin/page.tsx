import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { requirePlatformAdmin } from "@/lib/auth/platform-admin";
import { ConsolePage } from "@/components/console/console-page";
import { consoleSections } from "@/components/console/console-nav";

export const metadata: Metadata = { title: "Console" };

export default async function ConsoleOverviewPage() {
  const user = await requirePlatformAdmin();
  return (
    <ConsolePage current="overview" title="Console" description={`Signed in as ${user.name}, platform admin. What the platform sent, who got what, and why.`}>
      <ul className="grid gap-3 sm:grid-cols-2">
        {consoleSections.map((section) => (
          <li key={section.key}>
            <Link
              href={section.href}
              className="group flex h-full flex-col rounded-lg border border-zinc-200 bg-white p-4 hover:border-brand-500 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500"
            >
              <span className="flex items-center justify-between font-medium">
                {section.label}
                <ArrowRight aria-hidden className="size-4 text-zinc-400 transition-transform group-hover:translate-x-0.5" />
              </span>
              <span className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{section.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </ConsolePage>
  );
}
