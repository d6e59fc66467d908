import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatExpiry, humanize } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"payment.autopay_enabled">;

const brands: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  american_express: "American Express",
};

export default function PaymentAutopayEnabled({ data, context }: Props) {
  const brand = brands[data.cardBrand.toLowerCase()] ?? humanize(data.cardBrand);
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("payment.autopay_enabled", data)}
      heading="Automatic payment turned on"
      action="View billing"
    >
      <Paragraph>
        A card was saved and automatic payment is on: invoices are charged to it when they are due. If you did not
        expect this, check your billing settings.
      </Paragraph>
      <Details
        rows={[
          ["Card", `${brand} ending in ${data.last4}`],
          ["Expires", formatExpiry(data.expiresAt)],
        ]}
      />
    </EmailLayout>
  );
}

PaymentAutopayEnabled.PreviewProps = {
  data: previewData("payment.autopay_enabled"),
  context: previewContext("payment.autopay_enabled"),
} satisfies Props;
