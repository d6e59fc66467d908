import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"subscription.renewed">;

export default function SubscriptionRenewed({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("subscription.renewed", data)}
      heading={`${data.subscriptionName} renewed`}
      action="View subscription"
    >
      <Paragraph>Your subscription renewed successfully. No action is needed.</Paragraph>
      <Details
        rows={[
          ["Subscription", data.subscriptionName],
          ["Renewed on", formatDate(data.renewedAt)],
          ["Next renewal", data.nextRenewalDate ? formatDate(data.nextRenewalDate) : undefined],
        ]}
      />
    </EmailLayout>
  );
}

SubscriptionRenewed.PreviewProps = {
  data: previewData("subscription.renewed"),
  context: previewContext("subscription.renewed"),
} satisfies Props;
