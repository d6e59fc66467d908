import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate, formatMoney, humanize, plural } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"subscription.renewal_upcoming">;

export default function SubscriptionRenewalUpcoming({ data, context }: Props) {
  const when = data.daysUntilRenewal === 0 ? "today" : `in ${plural(data.daysUntilRenewal, "day")}`;
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("subscription.renewal_upcoming", data)}
      heading={`${data.subscriptionName} renews ${when}`}
      action="Review subscription"
    >
      <Paragraph>
        Your {data.term} subscription renews automatically on {formatDate(data.renewalDate)}. To change the quantity or
        cancel, do it before that date.
      </Paragraph>
      <Details
        rows={[
          ["Subscription", data.subscriptionName],
          ["Renewal date", formatDate(data.renewalDate)],
          ["Term", humanize(data.term)],
          ["Amount", formatMoney(data.totalAmount, data.currency)],
        ]}
      />
    </EmailLayout>
  );
}

SubscriptionRenewalUpcoming.PreviewProps = {
  data: previewData("subscription.renewal_upcoming"),
  context: previewContext("subscription.renewal_upcoming"),
} satisfies Props;
