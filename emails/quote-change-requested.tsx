import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { Paragraph, Quote } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"quote.change_requested">;

export default function QuoteChangeRequested({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("quote.change_requested", data)}
      heading={`Changes requested: ${data.quoteName}`}
      action="Update quote"
    >
      <Paragraph>
        {data.requestedBy.name} asked for changes to the quote “{data.quoteName}”:
      </Paragraph>
      <Quote>{data.comment}</Quote>
      <Paragraph>Send an updated quote when it is ready.</Paragraph>
    </EmailLayout>
  );
}

QuoteChangeRequested.PreviewProps = {
  data: previewData("quote.change_requested"),
  context: previewContext("quote.change_requested"),
} satisfies Props;
