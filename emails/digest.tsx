// A digest: the period's notifications of a user's digest categories, grouped by category, each
// with its link, in the shared layout and footer (unsubscribe covers the digest's categories).
import { Heading, Link, Section, Text } from "react-email";
import type { DigestProps } from "../lib/email/types";
import { Paragraph } from "./components/content";
import { EmailLayout, paragraph } from "./components/layout";

const count = (n: number) => `${n} notification${n === 1 ? "" : "s"}`;

/** Subject and preheader from the same props the body uses. */
export function digestSubject(props: Pick<DigestProps, "heading" | "groups">): string {
  const total = props.groups.reduce((sum, group) => sum + group.items.length, 0);
  return `${props.heading}: ${count(total)}`;
}

export function digestPreheader(props: Pick<DigestProps, "groups">): string {
  return props.groups.map((group) => `${group.label} (${group.items.length})`).join(", ");
}

const itemTitle = { ...paragraph, color: "#111827", fontWeight: 600, margin: "0" };
const itemBody = { ...paragraph, color: "#4b5563", margin: "2px 0 0" };
const itemTime = { color: "#6b7280", fontSize: "12px", lineHeight: "18px", margin: "2px 0 0" };

export default function Digest(props: DigestProps) {
  const { context, groups, heading, period } = props;
  const total = groups.reduce((sum, group) => sum + group.items.length, 0);
  return (
    <EmailLayout context={context} preview={digestPreheader(props)} heading={heading}>
      <Paragraph>
        {count(total)} {period}.
      </Paragraph>
      {groups.map((group) => (
        <Section key={group.category} style={{ margin: "8px 0 16px" }}>
          <Heading
            as="h2"
            style={{
              borderBottom: "1px solid #e5e7eb",
              color: "#111827",
              fontSize: "16px",
              margin: "0 0 8px",
              paddingBottom: "6px",
            }}
          >
            {group.label} ({group.items.length})
          </Heading>
          {group.items.map((item, index) => (
            <Section key={index} style={{ margin: "0 0 12px" }}>
              <Text style={itemTitle}>
                {item.url ? (
                  <Link href={item.url} style={{ color: context.brand.primaryColor, textDecoration: "underline" }}>
                    {item.title}
                  </Link>
                ) : (
                  item.title
                )}
              </Text>
              <Text style={itemBody}>{item.body}</Text>
              <Text style={itemTime}>{item.time}</Text>
            </Section>
          ))}
        </Section>
      ))}
    </EmailLayout>
  );
}

Digest.PreviewProps = {
  heading: "Your daily digest",
  period: "since Monday 08:00 (Europe/Berlin)",
  groups: [
    {
      category: "orders",
      label: "Orders",
      items: [
        {
          title: "Order ORD-1042 is now completed",
          body: "Microsoft 365 E3 × 25 for Adatum Corporation.",
          url: "https://portal.example.com/orders/ord_1042",
          time: "Mon 14:05",
        },
      ],
    },
    {
      category: "quotes",
      label: "Quotes and proposals",
      items: [
        {
          title: "New quote: Q-2026-117",
          body: "Amy Account sent you a quote for $1,250.00.",
          url: "https://portal.example.com/quotes/q_117",
          time: "Mon 16:40",
        },
        {
          title: "Quote Q-2026-112 accepted",
          body: "Adatum Corporation accepted the quote.",
          url: null,
          time: "Tue 07:12",
        },
      ],
    },
  ],
  context: {
    brand: { name: "Contoso Reseller", logoUrl: null, primaryColor: "#2563eb" },
    recipientName: "Alice Adatum",
    role: "to",
    why: "You get digests because your email cadence for these categories is a digest.",
    typeLabel: "Orders, Quotes and proposals digest",
    critical: false,
    actionUrl: null,
    settingsUrl: "https://notifications.example.com/settings/notifications",
    unsubscribeUrl: "https://notifications.example.com/unsubscribe?token=preview",
  },
} satisfies DigestProps;
