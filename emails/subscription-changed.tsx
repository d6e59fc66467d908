import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { humanize } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"subscription.changed">;

/** An emptied value reads as "none", not as a blank. */
const show = (value: string | number) => (value === "" ? "none" : String(value));

export default function SubscriptionChanged({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("subscription.changed", data)}
      heading={`${data.subscriptionName} changed`}
      action="View subscription"
    >
      <Paragraph>These changes to {data.subscriptionName} went through:</Paragraph>
      <Details
        rows={data.changes.map((change) => [humanize(change.field), `${show(change.from)} → ${show(change.to)}`])}
      />
    </EmailLayout>
  );
}

SubscriptionChanged.PreviewProps = {
  data: previewData("subscription.changed"),
  context: previewContext("subscription.changed"),
} satisfies Props;
