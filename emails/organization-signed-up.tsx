import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"organization.signed_up">;

export default function OrganizationSignedUp({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("organization.signed_up", data)}
      heading={`New customer sign-up: ${data.organizationName}`}
      action="View customer"
    >
      <Paragraph>A new customer signed up for the first time.</Paragraph>
      <Details
        rows={[
          ["Organization", data.organizationName],
          ["Signed up by", `${data.userName} <${data.userEmail}>`],
          ["Date", formatDate(data.requestedAt)],
        ]}
      />
    </EmailLayout>
  );
}

OrganizationSignedUp.PreviewProps = {
  data: previewData("organization.signed_up"),
  context: previewContext("organization.signed_up"),
} satisfies Props;
