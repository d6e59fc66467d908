import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { Callout, Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"subscription.change_failed">;

export default function SubscriptionChangeFailed({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("subscription.change_failed", data)}
      heading={`Change failed: ${data.subscriptionName}`}
      action="View subscription"
    >
      <Paragraph>We could not apply this change: “{data.attemptedChange}”.</Paragraph>
      <Callout>{data.errorMessage}</Callout>
      <Details
        rows={[
          ["Subscription", data.subscriptionName],
          ["Error code", data.errorCode],
        ]}
      />
      <Paragraph>The subscription is unchanged. Correct the request and try again.</Paragraph>
    </EmailLayout>
  );
}

SubscriptionChangeFailed.PreviewProps = {
  data: previewData("subscription.change_failed"),
  context: previewContext("subscription.change_failed"),
} satisfies Props;
