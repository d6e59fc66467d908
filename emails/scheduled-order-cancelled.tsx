import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"scheduled_order.cancelled">;

export default function ScheduledOrderCancelled({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("scheduled_order.cancelled", data)}
      heading={`Scheduled change cancelled: ${data.subscriptionName}`}
      action="View subscriptions"
    >
      <Paragraph>
        {data.cancelledBy.name} cancelled the change planned for {formatDate(data.scheduledFor)}. The subscription stays
        as it is.
      </Paragraph>
      <Details
        rows={[
          ["Subscription", data.subscriptionName],
          ["Was planned for", formatDate(data.scheduledFor)],
          ["Cancelled by", data.cancelledBy.name],
        ]}
      />
    </EmailLayout>
  );
}

ScheduledOrderCancelled.PreviewProps = {
  data: previewData("scheduled_order.cancelled"),
  context: previewContext("scheduled_order.cancelled"),
} satisfies Props;
