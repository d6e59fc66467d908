import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatMoney } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"proposal.submitted">;

export default function ProposalSubmitted({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("proposal.submitted", data)}
      heading={`New proposal from ${data.sellerName}`}
      action="Review proposal"
    >
      <Paragraph>
        {data.sellerName} prepared an order for you. Review it, and order it when you are ready; nothing is ordered
        until you do.
      </Paragraph>
      <Details
        rows={[
          ["Reference", data.orderReference],
          ["Seller", data.sellerName],
          ["Total", data.totalAmount && data.currency ? formatMoney(data.totalAmount, data.currency) : undefined],
        ]}
      />
    </EmailLayout>
  );
}

ProposalSubmitted.PreviewProps = {
  data: previewData("proposal.submitted"),
  context: previewContext("proposal.submitted"),
} satisfies Props;
