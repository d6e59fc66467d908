import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate } from "../lib/notifications/format";
import { Callout, Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"subscription.renewal_failed">;

export default function SubscriptionRenewalFailed({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("subscription.renewal_failed", data)}
      heading={`Renewal failed: ${data.subscriptionName}`}
      action="Resolve now"
    >
      <Callout>{data.errorMessage}</Callout>
      <Paragraph>
        {data.retryAt
          ? `We will try again on ${formatDate(data.retryAt)}. Fix the problem before then to avoid an interruption of service.`
          : "Open the subscription to resolve the problem and avoid an interruption of service."}
      </Paragraph>
      <Details
        rows={[
          ["Subscription", data.subscriptionName],
          ["Next attempt", data.retryAt ? formatDate(data.retryAt) : undefined],
        ]}
      />
    </EmailLayout>
  );
}

SubscriptionRenewalFailed.PreviewProps = {
  data: previewData("subscription.renewal_failed"),
  context: previewContext("subscription.renewal_failed"),
} satisfies Props;
