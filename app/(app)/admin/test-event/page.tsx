import type { Metadata } from "next";
import { requirePlatformAdmin } from "@/lib/auth/platform-admin";
import { listOrganizationsWithUsers } from "@/lib/console/directory";
import { ConsolePage } from "@/components/console/console-page";
import { TestEventForm } from "@/components/console/test-event-form";

export const metadata: Metadata = { title: "Send a test event · Console" };

export default async function TestEventPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePlatformAdmin();
  const requested = (await searchParams).organizationId;
  const organizations = (await listOrganizationsWithUsers())
    .filter((org) => org.kind !== "platform")
    .map((org) => ({
      id: org.id,
      name: org.name,
      kind: org.kind,
      primaryContactId: org.primaryContactId,
      users: org.users
        .filter((user) => user.active)
        .map((user) => ({ id: user.id, name: user.name, email: user.email, role: user.role })),
    }));
  // Customers are what most events concern: start on the first one unless the URL names another.
  const initial =
    organizations.find((org) => org.id === requested)?.id ??
    organizations.find((org) => org.kind === "customer")?.id ??
    organizations[0]?.id;
  return (
    <ConsolePage
      current="test-event"
      title="Send a test event"
      description="It goes through the same pipeline as the platform API: real recipients, preferences, in-app notifications and email."
    >
      {organizations.length === 0 ? (
        <p className="text-sm">
          No organizations yet: the platform syncs them through <code>PUT /api/v1/organizations/{"{id}"}</code>.
        </p>
      ) : (
        <TestEventForm organizations={organizations} initialOrganizationId={initial} />
      )}
    </ConsolePage>
  );
}
