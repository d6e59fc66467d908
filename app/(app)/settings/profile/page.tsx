import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { ProfileForm } from "@/components/settings/profile-form";

export const metadata: Metadata = { title: "Time zone and language" };

export default async function ProfileSettingsPage() {
  const user = await requireUser();
  return (
    <section aria-labelledby="profile-heading">
      <h1 id="profile-heading" className="text-2xl font-semibold">
        Time zone and language
      </h1>
      <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Your organization&apos;s directory sets these; you can change them here.
      </p>
      <ProfileForm initial={{ timezone: user.timezone, locale: user.locale }} />
    </section>
  );
}
