import { requireUser } from "@/lib/auth/session";
import { AppHeader } from "@/components/shell/app-header";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={{ name: user.name, email: user.email, role: user.role, organizationName: user.organization.name, organizationKind: user.organization.kind }} />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
