import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listUserPreferences } from "@/lib/preferences/user-preferences";
import { typesFor } from "@/lib/notifications/reach";
import { NotificationSettings } from "@/components/preferences/notification-settings";
import { getDeliverySchedule, listUserCadences } from "@/lib/preferences/cadence";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const [items, cadence, schedule] = await Promise.all([
    listUserPreferences(user.id),
    listUserCadences(user.id),
    getDeliverySchedule(user.id),
  ]);
  const types = typesFor(user.organization.kind);
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading" className="text-2xl font-semibold">
        Notification settings
      </h1>
      <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Choose which notifications reach you in the app and by email.
        {user.role === "admin" && (
          <>
            {" "}
            To set defaults for everyone at {user.organization.name}, go to{" "}
            <Link
              href={`/admin/organizations/${encodeURIComponent(user.organization.id)}/notifications`}
              className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-400"
            >
              {user.organization.name}&apos;s notification settings
            </Link>
            .
          </>
        )}
      </p>
      <NotificationSettings initialItems={items} initialCadence={cadence} initialSchedule={schedule} types={types} />
    </section>
  );
}
