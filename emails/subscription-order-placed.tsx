import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatMoney } from "../lib/notifications/format";
import { Details, ItemsTable, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"subscription.order_placed">;

export default function SubscriptionOrderPlaced({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("subscription.order_placed", data)}
      heading={`Order ${data.orderNumber} placed`}
      action="View order"
    >
      <Paragraph>Your order was placed. We will let you know when it is provisioned.</Paragraph>
      <Details
        rows={[
          ["Order", data.orderNumber],
          ["Total", formatMoney(data.totalAmount, data.currency)],
        ]}
      />
      <ItemsTable items={data.items} />
    </EmailLayout>
  );
}

SubscriptionOrderPlaced.PreviewProps = {
  data: previewData("subscription.order_placed"),
  context: previewContext("subscription.order_placed"),
} satisfies Props;
