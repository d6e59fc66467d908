import { describe, expect, it } from "vitest";
import Digest, { digestPreheader } from "@/emails/digest";
import { renderDigest } from "@/lib/email/render";

describe("digest email", () => {
  const props = Digest.PreviewProps;

  it("lists every item under its category with its link, and the footer's unsubscribe", async () => {
    const email = await renderDigest(props);
    expect(email.subject).toBe("Your daily digest: 3 notifications");
    for (const part of [email.subject, email.html, email.text])
      expect(part).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/);
    for (const group of props.groups) {
      expect(email.text.toLowerCase()).toContain(`${group.label} (${group.items.length})`.toLowerCase());
      for (const item of group.items) {
        expect(email.text).toContain(item.title);
        if (item.url) expect(email.html).toContain(`href="${item.url}"`);
      }
    }
    // Categories in the given order: Orders before Quotes.
    expect(email.text.toLowerCase().indexOf("orders (1)")).toBeLessThan(email.text.toLowerCase().indexOf("quotes"));
    expect(email.html).toContain(props.context.unsubscribeUrl);
    expect(email.html).toContain(props.context.settingsUrl);
    expect(email.text).toContain("Unsubscribe from “Orders, Quotes and proposals digest” emails");
    expect(digestPreheader(props)).toBe("Orders (1), Quotes and proposals (2)");
  });

  it("says one notification in the singular", async () => {
    const email = await renderDigest({ ...props, groups: [props.groups[0]!] });
    expect(email.subject).toBe("Your daily digest: 1 notification");
  });
});
