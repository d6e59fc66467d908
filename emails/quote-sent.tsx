import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate, formatMoney } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"quote.sent">;

export default function QuoteSent({ data, context }: Props) {
  const updated = data.version !== undefined && data.version > 1;
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("quote.sent", data)}
      heading={updated ? `Updated quote: ${data.quoteName}` : `New quote: ${data.quoteName}`}
      action="View quote"
    >
      <Paragraph>
        {data.accountManager.name} sent you {updated ? "an updated" : "a"} quote for{" "}
        {formatMoney(data.totalAmount, data.currency)}.
        {data.validUntil ? ` It is valid until ${formatDate(data.validUntil)}.` : ""}
      </Paragraph>
      <Details
        rows={[
          ["Quote", data.quoteName],
          ["Version", data.version ? String(data.version) : undefined],
          ["Total", formatMoney(data.totalAmount, data.currency)],
          ["Valid until", data.validUntil ? formatDate(data.validUntil) : undefined],
          ["Account manager", data.accountManager.name],
        ]}
      />
    </EmailLayout>
  );
}

QuoteSent.PreviewProps = { data: previewData("quote.sent"), context: previewContext("quote.sent") } satisfies Props;
