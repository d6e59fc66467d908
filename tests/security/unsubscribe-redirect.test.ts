// Item 12 (in part): the unsubscribe link's redirect goes to APP_URL, whatever Host or
// X-Forwarded-Proto the request claims.
import { expect, it } from "vitest";
import { GET } from "@/app/unsubscribe/route";

it("redirects to the confirmation page on APP_URL, not on the request's Host", async () => {
  const request = new Request("http://evil.example/unsubscribe?token=abc.def", {
    headers: { host: "evil.example", "x-forwarded-proto": "http", "x-forwarded-host": "evil.example" },
  });
  const response = await GET(request);
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("http://localhost:3999/unsubscribe/confirm?token=abc.def");
});
