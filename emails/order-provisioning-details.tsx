import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate, humanize } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"order.provisioning_details">;

export default function OrderProvisioningDetails({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("order.provisioning_details", data)}
      heading={`Provision ${data.offerName} manually`}
      action="Open order"
    >
      <Paragraph>
        Order {data.orderNumber} includes an offer that you provision yourself. Use the details below, then mark the
        order as provisioned in the portal.
      </Paragraph>
      <Details
        rows={[
          ["Order", data.orderNumber],
          ["Order type", humanize(data.orderType)],
          ["Offer", data.offerName],
          ["SKU", data.sku],
          ["Subscription", data.subscriptionId],
          ["Start date", formatDate(data.startDate)],
          ["Customer", `${data.customer.companyName} (${data.customer.country})`],
          ["Partner", `${data.partner.companyName} (${data.partner.country})`],
          ["Ordered by", `${data.creator.name} <${data.creator.email}>`],
        ]}
      />
      {data.formData && Object.keys(data.formData).length ? (
        <>
          <Paragraph>Provisioning form:</Paragraph>
          <Details rows={Object.entries(data.formData).map(([label, value]) => [label, value || "—"])} />
        </>
      ) : null}
    </EmailLayout>
  );
}

OrderProvisioningDetails.PreviewProps = {
  data: previewData("order.provisioning_details"),
  context: previewContext("order.provisioning_details"),
} satisfies Props;
