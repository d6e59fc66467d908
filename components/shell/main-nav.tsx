"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";

export function MainNav({ isAdmin, isPlatformAdmin }: { isAdmin: boolean; isPlatformAdmin: boolean }) {
  const pathname = usePathname();
  const links = [
    { href: "/inbox", label: "Inbox" },
    { href: "/settings/notifications", label: "Settings" },
    ...(isAdmin && !isPlatformAdmin ? [{ href: "/admin/organizations", label: "Organizations" }] : []),
    ...(isPlatformAdmin ? [{ href: "/admin", label: "Console" }] : []),
  ];
  return (
    <nav aria-label="Main" className="ml-2 hidden items-center gap-1 md:flex">
      {links.map((link) => {
        const active = pathname === link.href || (link.href !== "/admin" && pathname.startsWith(`${link.href}/`));
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "rounded-md px-2.5 py-1.5 text-sm",
              active ? "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
