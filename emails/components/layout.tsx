// The frame every notification email shares: the recipient's reseller branding on top, a heading,
// the type's content, one action button and the footer.
import type { ReactNode } from "react";
import { Body, Button, Container, Head, Heading, Html, Img, Preview, Section, Text } from "react-email";
import type { EmailContext } from "../../lib/email/types";
import { EmailFooter } from "./footer";

interface LayoutProps {
  context: EmailContext;
  preview: string;
  heading: string;
  /** Label of the button to the portal; no button when the context has no action URL. */
  action?: string;
  children: ReactNode;
}

const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export function EmailLayout({ context, preview, heading, action, children }: LayoutProps) {
  const { brand } = context;
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f4f5", fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", maxWidth: "560px", overflow: "hidden" }}>
          <Section style={{ borderTop: `4px solid ${brand.primaryColor}`, padding: "20px 32px 0" }}>
            {brand.logoUrl ? (
              <Img src={brand.logoUrl} alt={brand.name} height="32" style={{ height: "32px", width: "auto" }} />
            ) : (
              <Text style={{ color: brand.primaryColor, fontSize: "16px", fontWeight: 700, margin: 0 }}>
                {brand.name}
              </Text>
            )}
          </Section>
          <Section style={{ padding: "8px 32px 16px" }}>
            <Heading as="h1" style={{ color: "#111827", fontSize: "20px", lineHeight: "28px", margin: "16px 0" }}>
              {heading}
            </Heading>
            {context.recipientName ? <Text style={paragraph}>Hi {context.recipientName},</Text> : null}
            {children}
            {action && context.actionUrl ? (
              <Button
                href={context.actionUrl}
                style={{
                  backgroundColor: brand.primaryColor,
                  borderRadius: "6px",
                  color: "#ffffff",
                  display: "inline-block",
                  fontSize: "14px",
                  fontWeight: 600,
                  margin: "8px 0 16px",
                  padding: "10px 18px",
                  textDecoration: "none",
                }}
              >
                {action}
              </Button>
            ) : null}
          </Section>
          <EmailFooter context={context} />
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { color: "#374151", fontSize: "14px", lineHeight: "22px", margin: "0 0 12px" };
