// Building blocks for the body of a notification email.
import type { ReactNode } from "react";
import { Section, Text } from "react-email";
import { formatMoney } from "../../lib/notifications/format";
import { paragraph } from "./layout";

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}

/** Words someone wrote (a note, a comment, a reason), set apart from ours. */
export function Quote({ children }: { children: ReactNode }) {
  return (
    <Text
      style={{
        ...paragraph,
        borderLeft: "3px solid #d1d5db",
        color: "#4b5563",
        padding: "4px 0 4px 12px",
        whiteSpace: "pre-line",
      }}
    >
      {children}
    </Text>
  );
}

/** Something that went wrong or needs attention. */
export function Callout({ children }: { children: ReactNode }) {
  return (
    <Text
      style={{
        ...paragraph,
        backgroundColor: "#fef2f2",
        border: "1px solid #fecaca",
        borderRadius: "6px",
        color: "#991b1b",
        padding: "10px 12px",
      }}
    >
      {children}
    </Text>
  );
}

const cell = {
  borderBottom: "1px solid #f3f4f6",
  fontSize: "13px",
  lineHeight: "20px",
  padding: "6px 0",
  verticalAlign: "top" as const,
};

/** A label/value list; rows whose value is missing are left out (optional fields). */
export function Details({ rows }: { rows: [string, ReactNode | null | undefined][] }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== "");
  if (!shown.length) return null;
  return (
    <Section style={{ margin: "4px 0 16px" }}>
      <table width="100%" cellPadding={0} cellSpacing={0} role="presentation">
        <tbody>
          {shown.map(([label, value]) => (
            <tr key={label}>
              <td style={{ ...cell, color: "#6b7280", paddingRight: "16px", width: "40%" }}>{label}</td>
              <td style={{ ...cell, color: "#111827" }}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

interface Line {
  offerName: string;
  quantity: number;
  unitPrice: string;
  currency: string;
}

/** Order lines: quantity, offer and unit price. */
export function ItemsTable({ items }: { items: Line[] }) {
  return (
    <Section style={{ margin: "4px 0 16px" }}>
      <table width="100%" cellPadding={0} cellSpacing={0} role="presentation">
        <thead>
          <tr>
            <th style={{ ...cell, color: "#6b7280", textAlign: "left" }}>Offer</th>
            <th style={{ ...cell, color: "#6b7280", textAlign: "right" }}>Qty</th>
            <th style={{ ...cell, color: "#6b7280", textAlign: "right" }}>Unit price</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={index}>
              <td style={{ ...cell, color: "#111827" }}>{item.offerName}</td>
              <td style={{ ...cell, color: "#111827", textAlign: "right" }}>{item.quantity}</td>
              <td style={{ ...cell, color: "#111827", textAlign: "right" }}>
                {formatMoney(item.unitPrice, item.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
