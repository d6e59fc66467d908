import { Hr, Link, Section, Text } from "react-email";
import type { EmailContext } from "../../lib/email/types";

const small = { color: "#6b7280", fontSize: "12px", lineHeight: "18px", margin: "0 0 8px" };
const link = { color: "#4b5563", textDecoration: "underline" };

/** Why this address got the email, and how to get fewer. */
export function EmailFooter({ context }: { context: EmailContext }) {
  return (
    <Section style={{ padding: "0 32px 24px" }}>
      <Hr style={{ borderColor: "#e5e7eb", margin: "0 0 16px" }} />
      <Text style={small}>{context.why}</Text>
      <Text style={small}>
        <Link href={context.settingsUrl} style={link}>
          Notification settings
        </Link>
        {" · "}
        <Link href={context.unsubscribeUrl} style={link}>
          {context.critical ? `About “${context.typeLabel}” emails` : `Unsubscribe from “${context.typeLabel}” emails`}
        </Link>
      </Text>
      <Text style={small}>Sent on behalf of {context.brand.name} by the marketplace notification center.</Text>
    </Section>
  );
}
