import { Text } from "react-email";
import { preheaderFor } from "../lib/email/copy";
import type { EmailContext } from "../lib/email/types";
import type { NotificationData } from "../lib/notifications/catalog";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Data = NotificationData<"organization.tenant_created">;

// The temporary password is sensitive: it is present only in the email to `to` recipients
// (decrypted from the job just before sending); cc recipients get the data without it.
interface Props {
  data: Omit<Data, "temporaryPassword"> & { temporaryPassword?: string };
  context: EmailContext;
}

export default function OrganizationTenantCreated({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("organization.tenant_created", data as Data)}
      heading={`Microsoft tenant created: ${data.companyName}`}
      action="View organization"
    >
      <Paragraph>The Microsoft tenant {data.domain} is ready.</Paragraph>
      <Details
        rows={[
          ["Company", data.companyName],
          ["Domain", data.domain],
          ["Tenant ID", data.microsoftTenantId],
          ["Admin account", data.adminAccount],
        ]}
      />
      {data.temporaryPassword ? (
        <>
          <Paragraph>
            Temporary password for the admin account (you will be asked to change it at the first sign-in):
          </Paragraph>
          <Text
            style={{
              backgroundColor: "#f3f4f6",
              borderRadius: "6px",
              fontFamily: "monospace",
              fontSize: "16px",
              margin: "0 0 16px",
              padding: "10px 12px",
            }}
          >
            {data.temporaryPassword}
          </Text>
          <Paragraph>Do not forward this email. Delete it once you have signed in.</Paragraph>
        </>
      ) : (
        <Paragraph>
          For security, the temporary password was sent only to the person who requested the tenant.
        </Paragraph>
      )}
    </EmailLayout>
  );
}

OrganizationTenantCreated.PreviewProps = {
  data: previewData("organization.tenant_created"),
  context: previewContext("organization.tenant_created"),
} satisfies Props;
