import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"payment.currency_reset">;

export default function PaymentCurrencyReset({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("payment.currency_reset", data)}
      heading={`Your billing currency is now ${data.currency}`}
      action="View billing"
    >
      <Paragraph>
        Your seller no longer offers {data.previousCurrency}, so your preferred currency was reset to {data.currency}.
        Prices and invoices use {data.currency} from {formatDate(data.effectiveFrom)}.
      </Paragraph>
      <Details
        rows={[
          ["Previous currency", data.previousCurrency],
          ["New currency", data.currency],
          ["Effective from", formatDate(data.effectiveFrom)],
        ]}
      />
    </EmailLayout>
  );
}

PaymentCurrencyReset.PreviewProps = {
  data: previewData("payment.currency_reset"),
  context: previewContext("payment.currency_reset"),
} satisfies Props;
