import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"subscription.order_canceled">;

export default function SubscriptionOrderCanceled({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("subscription.order_canceled", data)}
      heading={`Cancellation ordered: ${data.subscriptionName}`}
      action="View order"
    >
      <Paragraph>A cancellation order was placed for {data.subscriptionName}.</Paragraph>
      <Details
        rows={[
          ["Subscription", data.subscriptionName],
          ["Cancellation order", data.orderNumber],
        ]}
      />
    </EmailLayout>
  );
}

SubscriptionOrderCanceled.PreviewProps = {
  data: previewData("subscription.order_canceled"),
  context: previewContext("subscription.order_canceled"),
} satisfies Props;
