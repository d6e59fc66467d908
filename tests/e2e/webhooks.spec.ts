// Webhooks end to end: a reseller admin adds an endpoint in the organization's settings, copies
// its secret (shown once), sends a test message and sees the attempt at once; then a customer's
// event reaches the same endpoint, signed, and shows in its deliveries.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { catalog } from "../../lib/notifications/catalog";
import { test, expect, signIn } from "./fixtures";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

test("an admin adds an endpoint, sends a test, sees the attempt, and receives a customer's event", async ({
  page,
  platform,
}) => {
  const received: Received[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/psa`;

  try {
    await signIn(page, "fiona@fabrikam.example");
    await page.goto("/admin/organizations/res_fabrikam/notifications");
    await page
      .getByRole("navigation", { name: "Organization settings" })
      .getByRole("link", { name: "Webhooks" })
      .click();
    await expect(page.getByRole("heading", { name: "Fabrikam", exact: false, level: 1 })).toBeVisible();
    await expect(page.getByText("No webhook endpoints yet")).toBeVisible();

    // A private URL is refused with the reason, next to the field.
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Add an endpoint" });
    await dialog.getByLabel("Endpoint URL").fill("not a url");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByRole("alert")).toContainText("not a valid URL");

    await dialog.getByLabel("Endpoint URL").fill(url);
    await dialog.getByLabel("Description").fill("PSA tickets");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    const added = page.getByRole("dialog", { name: "Endpoint added" });
    const secret = await added.getByLabel("Signing secret", { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: "test-results/e2e/webhooks-secret.png" });
    await added.getByRole("button", { name: "Done" }).click();

    const card = page.getByRole("article", { name: "Endpoint PSA tickets" });
    await expect(card).toContainText(url);
    await expect(card).toContainText("Active");
    await card.getByRole("button", { name: "Send test" }).click();
    await expect(card.getByRole("status")).toContainText("Test message delivered");
    await expect(card.getByRole("status")).toContainText("HTTP 200");
    await expect(card.getByRole("status")).toContainText('{"ok":true}');
    expect(received).toHaveLength(1);
    const test = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>) as any;
    expect(test.type).toBe("webhook.test");

    // A customer beneath Fabrikam has an event: it arrives, signed, and shows in the deliveries.
    const sent = await platform.event({
      type: "quote.sent",
      organizationId: "cust_tailspin",
      data: catalog["quote.sent"].example,
    });
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
    const event = new Webhook(secret).verify(received[1]!.body, received[1]!.headers as Record<string, string>) as any;
    expect(event).toMatchObject({
      type: "quote.sent",
      data: { eventId: sent.eventId, organizationId: "cust_tailspin" },
    });

    await card.getByRole("button", { name: "Deliveries" }).click();
    const deliveries = card.getByRole("list", { name: "Deliveries, newest first" });
    await expect(deliveries.getByRole("listitem").first()).toContainText("quote.sent", { timeout: 10_000 });
    await expect(deliveries).toContainText("webhook.test");
    await expect(deliveries.getByText("delivered")).toHaveCount(2);
    await page.screenshot({ path: "test-results/e2e/webhooks-page.png", fullPage: true });

    // Pause, then delete.
    await card.getByRole("button", { name: "Pause" }).click();
    await expect(card).toContainText("Paused");
    await card.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete endpoint" }).click();
    await expect(page.getByText("No webhook endpoints yet")).toBeVisible();
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
