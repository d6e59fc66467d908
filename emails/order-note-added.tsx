import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate, humanize } from "../lib/notifications/format";
import { Details, Paragraph, Quote } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"order.note_added">;

export default function OrderNoteAdded({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("order.note_added", data)}
      heading={`New note on order ${data.orderNumber}`}
      action="View order"
    >
      <Paragraph>
        {data.author.name} added a note to order {data.orderNumber} on {formatDate(data.createdAt)}:
      </Paragraph>
      <Quote>{data.note}</Quote>
      <Details
        rows={[
          ["Order", data.orderNumber],
          ["Order status", humanize(data.status)],
        ]}
      />
    </EmailLayout>
  );
}

OrderNoteAdded.PreviewProps = {
  data: previewData("order.note_added"),
  context: previewContext("order.note_added"),
} satisfies Props;
