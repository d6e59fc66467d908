import { describe, expect, it } from "vitest";
import { emailTemplates } from "@/lib/email/templates";
import { renderEmail } from "@/lib/email/render";
import type { EmailProps } from "@/lib/email/types";
import { catalog, notificationTypes, type NotificationType } from "@/lib/notifications/catalog";

describe("email registry", () => {
  it("has a template, a subject and a preheader for each of the 31 catalog types", () => {
    expect(notificationTypes).toHaveLength(31);
    expect(Object.keys(emailTemplates).sort()).toEqual([...notificationTypes].sort());
    const withoutCopy = notificationTypes.filter(
      (type) =>
        typeof catalog[type].email?.subject !== "function" || typeof catalog[type].email?.preheader !== "function",
    );
    expect(withoutCopy).toEqual([]);
  });
});

describe.each(notificationTypes)("%s email", (type: NotificationType) => {
  const template = emailTemplates[type] as unknown as { PreviewProps: EmailProps<NotificationType> };

  it("renders its preview props with both parts and nothing undefined", async () => {
    const { data, context } = template.PreviewProps;
    const email = await renderEmail(type, data, context);
    for (const part of [email.subject, email.html, email.text]) {
      expect(part).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/);
    }
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain("<html");
    expect(email.html).toContain(context.unsubscribeUrl);
    expect(email.html).toContain(context.settingsUrl);
    expect(email.text).toContain(context.why);
    expect(email.text).toMatchSnapshot();
  });

  it("renders as a copy without a name (plain address)", async () => {
    const { data, context } = template.PreviewProps;
    const email = await renderEmail(type, data, {
      ...context,
      role: "cc",
      recipientName: null,
      why: "This address was named by the platform for this event.",
      actionUrl: null,
    });
    expect(email.text).not.toMatch(/\bundefined\b|\bnull\b|Hi ,/);
    expect(email.text).toContain("This address was named by the platform for this event.");
  });
});

describe("sensitive fields", () => {
  it("shows the temporary password only when the data carries it", async () => {
    const data = catalog["organization.tenant_created"].example;
    const props = (
      emailTemplates["organization.tenant_created"] as unknown as {
        PreviewProps: EmailProps<"organization.tenant_created">;
      }
    ).PreviewProps;
    const withPassword = await renderEmail("organization.tenant_created", data, props.context);
    expect(withPassword.text).toContain(data.temporaryPassword);
    const { temporaryPassword: _omitted, ...withoutSecret } = data;
    const copy = await renderEmail("organization.tenant_created", withoutSecret as typeof data, {
      ...props.context,
      role: "cc",
    });
    expect(copy.text).not.toContain(data.temporaryPassword);
    expect(copy.html).not.toContain(data.temporaryPassword);
    expect(copy.text).toContain("sent only to the person who requested the tenant");
  });
});
