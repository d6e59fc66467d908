import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatMoney } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"order.pending_approval">;

const reasons = {
  credit_check: "It needs a credit check.",
  large_transaction: "Its amount is above the automatic approval limit.",
  multi_tier: "It goes through a multi-tier approval chain.",
} as const;

export default function OrderPendingApproval({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("order.pending_approval", data)}
      heading={`Order ${data.orderNumber} needs your approval`}
      action="Review order"
    >
      <Paragraph>
        {data.customerName} placed an order of {formatMoney(data.totalAmount, data.currency)} that waits for your
        organization&apos;s approval. {reasons[data.reason]}
      </Paragraph>
      <Details
        rows={[
          ["Order", data.orderNumber],
          ["Customer", data.customerName],
          ["Total", formatMoney(data.totalAmount, data.currency)],
          ["Approval level", data.approvalLevel ? String(data.approvalLevel) : undefined],
        ]}
      />
      <Paragraph>The order is not provisioned until it is approved.</Paragraph>
    </EmailLayout>
  );
}

OrderPendingApproval.PreviewProps = {
  data: previewData("order.pending_approval"),
  context: previewContext("order.pending_approval"),
} satisfies Props;
