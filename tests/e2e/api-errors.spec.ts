// Errors Next produces itself, before any route handler runs, still have the API's error shape.
import { expect, test } from "@playwright/test";

test("a method a route does not support is a 405 with the API's error shape", async ({ request }) => {
  const put = await request.put("/api/v1/events", { data: {} });
  expect(put.status()).toBe(405);
  expect(put.headers()["content-type"]).toContain("application/json");
  expect(await put.json()).toEqual({
    error: { code: "method_not_allowed", message: "PUT is not supported on /api/v1/events" },
  });

  const del = await request.delete("/api/health?x=1");
  expect(del.status()).toBe(405);
  expect(await del.json()).toEqual({
    error: { code: "method_not_allowed", message: "DELETE is not supported on /api/health" },
  });

  // Supported methods are untouched.
  expect((await request.get("/api/health")).status()).toBe(200);
});
