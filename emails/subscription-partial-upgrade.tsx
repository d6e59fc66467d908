import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate, humanize } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"subscription.partial_upgrade">;

const fields = ["quantity", "status", "billingFrequency"] as const;

export default function SubscriptionPartialUpgrade({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("subscription.partial_upgrade", data)}
      heading={`Partial upgrade: ${data.subscriptionName}`}
      action="View subscription"
    >
      <Paragraph>
        From {formatDate(data.effectiveDate)}, part of {data.subscriptionName} moves to a new subscription (
        {data.newSubscriptionId}). This subscription changes as follows:
      </Paragraph>
      <Details rows={fields.map((field) => [humanize(field), `${data.before[field]} → ${data.after[field]}`])} />
    </EmailLayout>
  );
}

SubscriptionPartialUpgrade.PreviewProps = {
  data: previewData("subscription.partial_upgrade"),
  context: previewContext("subscription.partial_upgrade"),
} satisfies Props;
