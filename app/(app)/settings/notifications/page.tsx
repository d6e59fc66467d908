import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listUserPreferences } from "@/lib/preferences/user-preferences";
import { UserPreferencesMatrix } from "@/components/preferences/user-preferences-matrix";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const items = await listUserPreferences(user.id);
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading" className="text-2xl font-semibold">Notification settings</h1>
      <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">Choose which notifications reach you in the app and by email.</p>
      <UserPreferencesMatrix initialItems={items} />
    </section>
  );
}
