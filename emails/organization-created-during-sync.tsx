import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"organization.created_during_sync">;

export default function OrganizationCreatedDuringSync({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("organization.created_during_sync", data)}
      heading={`New customer from sync: ${data.organizationName}`}
      action="View customer"
    >
      <Paragraph>Directory sync created a new customer. Check its details and complete what is missing.</Paragraph>
      <Details
        rows={[
          ["Customer", data.organizationName],
          ["Location", data.city ? `${data.city}, ${data.country}` : data.country],
          ["Currency", data.currency],
          ["Microsoft tenant", data.microsoftTenantId],
          ["Domain", data.domain],
          ["Admin email", data.adminEmail],
          ["Invoicing email", data.invoicingEmail],
        ]}
      />
    </EmailLayout>
  );
}

OrganizationCreatedDuringSync.PreviewProps = {
  data: previewData("organization.created_during_sync"),
  context: previewContext("organization.created_during_sync"),
} satisfies Props;
