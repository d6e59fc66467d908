import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { Details, ItemsTable, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"order.provisioning_notice">;

export default function OrderProvisioningNotice({ data, context }: Props) {
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("order.provisioning_notice", data)}
      heading={`Order ${data.orderNumber} is being provisioned`}
      action="Track order"
    >
      <Paragraph>
        Thank you for your order. Provisioning can take {data.expectedWithin ?? "from a few minutes to a few days"},
        depending on the vendor. We will let you know when it is done.
      </Paragraph>
      <Details rows={[["Order", data.orderNumber]]} />
      <ItemsTable items={data.items} />
    </EmailLayout>
  );
}

OrderProvisioningNotice.PreviewProps = {
  data: previewData("order.provisioning_notice"),
  context: previewContext("order.provisioning_notice"),
} satisfies Props;
