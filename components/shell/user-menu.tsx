"use client";

import { DropdownMenu } from "radix-ui";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { ChevronDown, Clock, LogOut, Settings } from "lucide-react";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

export function UserMenu({
  name,
  email,
  links,
}: {
  name: string;
  email: string;
  links: { href: string; label: string }[];
}) {
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    // Not modal: a menu does not hide the rest of the page from assistive technology (WAI-ARIA menu button).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="flex items-center gap-1 rounded-full p-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
        {/* The name starts with the visible initials (WCAG 2.5.3 Label in Name): "AA Account menu for …". */}
        <span className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700 dark:bg-brand-700 dark:text-white">
          {initials}
        </span>
        <span className="sr-only">Account menu for {name}</span>
        <ChevronDown aria-hidden className="size-4 text-muted" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="px-2 py-1.5">
            <p className="text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-muted">{email}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          {/* On phones the header has no room for the sections: they are listed here. */}
          {links
            .filter((link) => link.href !== "/settings/notifications")
            .map((link) => (
              <DropdownMenu.Item key={link.href} asChild className={`${itemClass} md:hidden`}>
                <Link href={link.href}>{link.label}</Link>
              </DropdownMenu.Item>
            ))}
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/settings/notifications">
              <Settings aria-hidden className="size-4" /> Notification settings
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/settings/profile">
              <Clock aria-hidden className="size-4" /> Time zone and language
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={itemClass} onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
            <LogOut aria-hidden className="size-4" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
