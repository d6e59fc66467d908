import Link from "next/link";
import { BellRing } from "lucide-react";
import { UserMenu } from "@/components/shell/user-menu";
import { MainNav } from "@/components/shell/main-nav";
import { navLinks } from "@/components/shell/nav-links";
import { Bell } from "@/components/notifications/bell";

interface HeaderUser {
  name: string;
  email: string;
  role: string;
  organizationName: string;
  organizationKind: string;
}

export function AppHeader({ user }: { user: HeaderUser }) {
  const access = {
    isAdmin: user.role === "admin",
    isPlatformAdmin: user.role === "admin" && user.organizationKind === "platform",
  };
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-4 sm:px-6">
        <Link href="/inbox" className="flex items-center gap-2 font-semibold">
          <BellRing aria-hidden className="size-5 text-brand-600" />
          {/* Still the link's name on phones, where only the icon shows. */}
          <span className="sr-only sm:not-sr-only">Notifications</span>
        </Link>
        <span aria-hidden className="hidden text-zinc-300 sm:inline dark:text-zinc-700">
          /
        </span>
        <span className="truncate text-sm text-zinc-600 dark:text-zinc-400" data-testid="organization-name">
          {user.organizationName}
        </span>
        <MainNav {...access} />
        <div className="ml-auto flex items-center gap-1">
          <Bell />
          <UserMenu name={user.name} email={user.email} links={navLinks(access)} />
        </div>
      </div>
    </header>
  );
}
