import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { humanize } from "../lib/notifications/format";
import { Callout, Details, ItemsTable, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"order.status_changed">;

const headings = {
  in_progress: "is in progress",
  completed: "is complete",
  completed_with_errors: "completed with errors",
} as const;

export default function OrderStatusChanged({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("order.status_changed", data)}
      heading={`Order ${data.orderNumber} ${headings[data.status]}`}
      action="View order"
    >
      {data.status === "completed_with_errors" ? (
        <Callout>Some items could not be provisioned. Open the order to see which ones and what to do next.</Callout>
      ) : (
        <Paragraph>The provisioning status of the order for {data.customerName} changed.</Paragraph>
      )}
      <Details
        rows={[
          ["Order", data.orderNumber],
          ["Customer", data.customerName],
          ["Status", humanize(data.status)],
          ["Previous status", data.previousStatus ? humanize(data.previousStatus) : undefined],
        ]}
      />
      <ItemsTable items={data.items} />
    </EmailLayout>
  );
}

OrderStatusChanged.PreviewProps = {
  data: previewData("order.status_changed"),
  context: previewContext("order.status_changed"),
} satisfies Props;
