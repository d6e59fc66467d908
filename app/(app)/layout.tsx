import { Toaster } from "sonner";
import { requireUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/notifications/inbox";
import { AppHeader } from "@/components/shell/app-header";
import { RealtimeProvider } from "@/components/notifications/realtime-provider";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unreadCount = await countUnread({ userId: user.id });
  return (
    // One realtime connection per tab for every app page (bell, inbox, toasts).
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
          {children}
        </main>
      </div>
      <Toaster position="bottom-right" richColors closeButton />
    </RealtimeProvider>
  );
}
