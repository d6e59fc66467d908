import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"offer.available">;

export default function OfferAvailable({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("offer.available", data)}
      heading={`New offer: ${data.offerName}`}
      action="View offer"
    >
      <Paragraph>
        {data.vendorName} made {data.productName} available to you. You can sell it from{" "}
        {formatDate(data.availableFrom)}.
      </Paragraph>
      <Details
        rows={[
          ["Offer", data.offerName],
          ["Product", data.productName],
          ["Vendor", data.vendorName],
          ["Available from", formatDate(data.availableFrom)],
        ]}
      />
    </EmailLayout>
  );
}

OfferAvailable.PreviewProps = {
  data: previewData("offer.available"),
  context: previewContext("offer.available"),
} satisfies Props;
