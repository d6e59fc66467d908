import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatMoney } from "../lib/notifications/format";
import { Details, ItemsTable, Paragraph, Quote } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"quote.rejected">;

export default function QuoteRejected({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("quote.rejected", data)}
      heading={`Quote rejected: ${data.quoteName}`}
      action="View quote"
    >
      <Paragraph>
        {data.rejectedByOrg} rejected the quote for {formatMoney(data.totalAmount, data.currency)}.
        {data.reason ? " Their reason:" : ""}
      </Paragraph>
      {data.reason ? <Quote>{data.reason}</Quote> : null}
      <Details
        rows={[
          ["Quote", data.quoteName],
          ["Total", formatMoney(data.totalAmount, data.currency)],
        ]}
      />
      <ItemsTable items={data.items} />
    </EmailLayout>
  );
}

QuoteRejected.PreviewProps = {
  data: previewData("quote.rejected"),
  context: previewContext("quote.rejected"),
} satisfies Props;
