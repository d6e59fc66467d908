import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { GET } from "@/app/api/v1/openapi.json/route";
import { notificationTypes } from "@/lib/notifications/catalog";
import { callRoute } from "../support/integration";

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document covering every route and every type's payload", async () => {
    const res = await callRoute(GET as never, "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(res.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/events",
        "/api/v1/events/batch",
        "/api/v1/organizations/{id}",
        "/api/v1/users/{id}",
        "/api/v1/users/{id}/sign-in-links",
      ]),
    );
    for (const type of notificationTypes) {
      const schema = res.json.components.schemas[`Event.${type}`];
      expect(schema, type).toBeDefined();
      expect(schema.properties.type.const).toBe(type);
      expect(schema.properties.data.type).toBe("object");
    }
    // The sensitive field is documented (it is accepted), and marked nowhere as stored.
    expect(
      res.json.components.schemas["Event.organization.tenant_created"].properties.data.properties.temporaryPassword,
    ).toBeDefined();
  });
});
