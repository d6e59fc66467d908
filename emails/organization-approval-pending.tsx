import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { Details, Paragraph, Quote } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"organization.approval_pending">;

export default function OrganizationApprovalPending({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("organization.approval_pending", data)}
      heading={`Approve ${data.organizationName}`}
      action="Review organization"
    >
      <Paragraph>
        {data.organizationName} is waiting for your manual approval. It cannot order until you approve it.
      </Paragraph>
      <Details
        rows={[
          ["Organization", data.organizationName],
          ["Requested by", data.requestedBy ? `${data.requestedBy.name} <${data.requestedBy.email}>` : undefined],
        ]}
      />
      {data.reason ? <Quote>{data.reason}</Quote> : null}
    </EmailLayout>
  );
}

OrganizationApprovalPending.PreviewProps = {
  data: previewData("organization.approval_pending"),
  context: previewContext("organization.approval_pending"),
} satisfies Props;
