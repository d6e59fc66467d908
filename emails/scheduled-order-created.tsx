import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate, humanize } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"scheduled_order.created">;

export default function ScheduledOrderCreated({ data, context }: Props) {
  const when =
    data.schedule === "on_renewal"
      ? `at the renewal on ${formatDate(data.scheduledFor)}`
      : `on ${formatDate(data.scheduledFor)}`;
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("scheduled_order.created", data)}
      heading={`Change scheduled for ${data.subscriptionName}`}
      action="View subscriptions"
    >
      <Paragraph>
        A {humanize(data.changeType).toLowerCase()} is scheduled {when}. Nothing changes until then.
      </Paragraph>
      <Details
        rows={[
          ["Subscription", data.subscriptionName],
          ["Change", humanize(data.changeType)],
          [
            "Takes effect",
            data.schedule === "on_renewal"
              ? `At renewal (${formatDate(data.scheduledFor)})`
              : formatDate(data.scheduledFor),
          ],
          ["Order", data.orderNumber],
        ]}
      />
    </EmailLayout>
  );
}

ScheduledOrderCreated.PreviewProps = {
  data: previewData("scheduled_order.created"),
  context: previewContext("scheduled_order.created"),
} satisfies Props;
