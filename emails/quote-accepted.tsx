import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"quote.accepted">;

export default function QuoteAccepted({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("quote.accepted", data)}
      heading={`Quote accepted: ${data.quoteName}`}
      action="View quote"
    >
      <Paragraph>
        {data.acceptedBy.name} at {data.customerName} accepted the quote. You can now turn it into an order.
      </Paragraph>
      <Details
        rows={[
          ["Quote", data.quoteName],
          ["Customer", data.customerName],
          ["Accepted by", data.acceptedBy.name],
        ]}
      />
    </EmailLayout>
  );
}

QuoteAccepted.PreviewProps = {
  data: previewData("quote.accepted"),
  context: previewContext("quote.accepted"),
} satisfies Props;
