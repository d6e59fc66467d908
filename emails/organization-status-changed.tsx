import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { Callout, Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"organization.status_changed">;

const words = {
  active: "active",
  inactive: "inactive",
  suspended: "suspended",
  pending_approval: "pending approval",
} as const;

export default function OrganizationStatusChanged({ data, context }: Props) {
  const blocked = data.status === "suspended" || data.status === "inactive";
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("organization.status_changed", data)}
      heading={`Organization is now ${words[data.status]}`}
      action="View organization"
    >
      {blocked ? (
        <Callout>While the organization is {words[data.status]}, new orders and changes are not possible.</Callout>
      ) : (
        <Paragraph>The organization&apos;s status changed.</Paragraph>
      )}
      <Details
        rows={[
          ["Status", words[data.status]],
          ["Previous status", words[data.previousStatus]],
          ["Questions?", data.sellerContact ? `${data.sellerContact.name} <${data.sellerContact.email}>` : undefined],
        ]}
      />
    </EmailLayout>
  );
}

OrganizationStatusChanged.PreviewProps = {
  data: previewData("organization.status_changed"),
  context: previewContext("organization.status_changed"),
} satisfies Props;
