import { preheaderFor } from "../lib/email/copy";
import type { EmailProps } from "../lib/email/types";
import { formatDate, plural } from "../lib/notifications/format";
import { Details, Paragraph } from "./components/content";
import { EmailLayout } from "./components/layout";
import { previewContext, previewData } from "./components/preview-context";

type Props = EmailProps<"catalog.changed">;

const verbs = {
  added: "added to",
  removed: "removed from",
  price_changed: "repriced in",
  updated: "updated in",
} as const;
// A long change list stays readable; the portal has the rest.
const SHOWN = 20;

export default function CatalogChanged({ data, context }: Props) {
  const shown = data.products.slice(0, SHOWN);
  const hidden = data.products.length - shown.length;
  return (
    <EmailLayout
      context={context}
      preview={preheaderFor("catalog.changed", data)}
      heading={`${plural(data.products.length, "product")} ${verbs[data.changeType]} your catalog`}
      action="Open catalog"
    >
      <Paragraph>These changes take effect on {formatDate(data.effectiveDate)}.</Paragraph>
      <Details rows={shown.map((product) => [product.sku, product.name])} />
      {hidden > 0 ? <Paragraph>And {plural(hidden, "more product")}.</Paragraph> : null}
    </EmailLayout>
  );
}

CatalogChanged.PreviewProps = {
  data: previewData("catalog.changed"),
  context: previewContext("catalog.changed"),
} satisfies Props;
