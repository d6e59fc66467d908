import { requireUser } from "@/lib/auth/session";
import { knownTimezone } from "@/lib/delivery-timing/zoned";
import { countUnread } from "@/lib/notifications/inbox";
import { AppHeader } from "@/components/shell/app-header";
import { RealtimeProvider } from "@/components/notifications/realtime-provider";
import { UserClockProvider } from "@/components/notifications/user-clock";
import { AppToaster } from "@/components/ui/app-toaster";
import { LiveAnnouncer } from "@/components/ui/live-announcer";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unreadCount = await countUnread({ userId: user.id });
  return (
    // One realtime connection per tab for every app page (bell, inbox, toasts), and one pair of
    // live regions for everything that is announced.
    <LiveAnnouncer>
      <RealtimeProvider initialUnreadCount={unreadCount}>
        <div className="flex min-h-dvh flex-col">
          <AppHeader
            user={{
              name: user.name,
              email: user.email,
              role: user.role,
              organizationName: user.organization.name,
              organizationKind: user.organization.kind,
            }}
          />
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6">
            <UserClockProvider clock={{ timezone: knownTimezone(user.timezone), locale: user.locale }}>
              {children}
            </UserClockProvider>
          </main>
        </div>
        <AppToaster />
      </RealtimeProvider>
    </LiveAnnouncer>
  );
}
