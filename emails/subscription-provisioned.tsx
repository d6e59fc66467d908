import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"subscription.provisioned">;

export default function SubscriptionProvisioned({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("subscription.provisioned", data)}
      heading={`${data.offerName} is ready to use`}
      action="View subscription"
    >
      <Paragraph>
        The vendor has provisioned {data.offerName} for {data.customerName}. It is ready to use.
      </Paragraph>
      <Details
        rows={[
          ["Offer", data.offerName],
          ["Customer", data.customerName],
          ["Seller", data.sellerName],
          ["Ordered", formatDate(data.orderDate)],
        ]}
      />
    </EmailLayout>
  );
}

SubscriptionProvisioned.PreviewProps = {
  data: previewData("subscription.provisioned"),
  context: previewContext("subscription.provisioned"),
} satisfies Props;
