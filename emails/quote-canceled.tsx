import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { Paragraph, Quote } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"quote.canceled">;

export default function QuoteCanceled({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("quote.canceled", data)}
      heading={`Quote cancelled: ${data.quoteName}`}
      action="View quote"
    >
      <Paragraph>
        Your seller cancelled the quote “{data.quoteName}”. It can no longer be accepted.
        {data.reason ? " Their reason:" : ""}
      </Paragraph>
      {data.reason ? <Quote>{data.reason}</Quote> : null}
      <Paragraph>If you still need these products, ask your seller for a new quote.</Paragraph>
    </EmailLayout>
  );
}

QuoteCanceled.PreviewProps = {
  data: previewData("quote.canceled"),
  context: previewContext("quote.canceled"),
} satisfies Props;
