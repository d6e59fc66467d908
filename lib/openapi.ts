// The OpenAPI 3.1 description of the Platform API, generated from the same zod schemas that
// validate requests (OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod emits).
import { z } from "zod";
import { catalog, notificationTypes } from "@/lib/notifications/catalog";
import { eventEnvelopeSchema, ingestResultSchema, MAX_BATCH_EVENTS } from "@/lib/notifications/envelope";
import {
  organizationSchema,
  organizationUpsertSchema,
  platformIdSchema,
  signInLinkSchema,
  userDeactivatedSchema,
  userSchema,
  userUpsertSchema,
} from "@/lib/directory/schemas";
import { errorStatus } from "@/lib/errors";
import { recipientRuleBody, recipientRuleItemSchema } from "@/lib/recipient-rules/schemas";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });

const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [string, ...string[]]),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  }),
});

function errors(...statuses: number[]) {
  const text: Record<number, string> = {
    400: "Malformed JSON",
    401: "Missing or invalid API key",
    403: "The key lacks this route's scope, or the target is a platform organization or one of its users",
    404: "Unknown id",
    409: "Conflict",
    413: "Body too large",
    415: "Content-Type is not application/json",
    422: "Validation failed; `details` lists each problem by JSON path",
    429: "Rate limited; see Retry-After",
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: text[s], content: json(ref("Error")) }]));
}

const typeParam = { name: "type", in: "path", required: true, schema: { type: "string", enum: notificationTypes } };
const idParam = { name: "id", in: "path", required: true, schema: jsonSchema(platformIdSchema) };

export function buildOpenApiDocument(serverUrl: string) {
  const eventSchemas = Object.fromEntries(
    notificationTypes.map((type) => {
      const variant = eventEnvelopeSchema.extend({ type: z.literal(type), data: catalog[type].schema });
      const definition = catalog[type];
      const schema = jsonSchema(variant);
      return [
        `Event.${type}`,
        {
          ...schema,
          title: type,
          description: `${definition.description}${definition.critical ? " (critical)" : ""}`,
          examples: [
            {
              id: "evt_01",
              type,
              occurredAt: "2026-11-26T10:00:00Z",
              organizationId: "cust_42",
              data: definition.example,
            },
          ],
        },
      ];
    }),
  );
  const eventRef = {
    oneOf: notificationTypes.map((type) => ref(`Event.${type}`)),
    discriminator: {
      propertyName: "type",
      mapping: Object.fromEntries(notificationTypes.map((t) => [t, `#/components/schemas/Event.${t}`])),
    },
  };
  const common = errors(400, 401, 403, 413, 415, 422, 429);

  return {
    openapi: "3.1.0",
    info: {
      title: "Notification center — Platform API",
      version: "1.0.0",
      description:
        "Directory sync and event ingest for the marketplace platform. Authenticate with `Authorization: Bearer <api key>`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/events": {
        post: {
          summary: "Ingest one event",
          description:
            "Idempotent per event `id`: sending the same id again never creates a second set of notifications.",
          requestBody: { required: true, content: json(eventRef) },
          responses: {
            202: { description: "Accepted", content: json(ref("IngestResult")) },
            200: { description: "Duplicate of an event already received", content: json(ref("IngestResult")) },
            ...common,
          },
        },
      },
      "/api/v1/events/batch": {
        post: {
          summary: `Ingest up to ${MAX_BATCH_EVENTS} events`,
          requestBody: {
            required: true,
            content: json({
              type: "object",
              required: ["events"],
              properties: { events: { type: "array", maxItems: MAX_BATCH_EVENTS, minItems: 1, items: eventRef } },
            }),
          },
          responses: {
            207: {
              description: "One result or error per event, in order",
              content: json({
                type: "object",
                properties: {
                  results: {
                    type: "array",
                    items: {
                      oneOf: [
                        ref("IngestResult"),
                        { allOf: [ref("Error"), { type: "object", properties: { status: { type: "integer" } } }] },
                      ],
                    },
                  },
                },
              }),
            },
            ...common,
          },
        },
      },
      "/api/v1/organizations/{id}": {
        put: {
          summary: "Create or update an organization",
          parameters: [idParam],
          requestBody: { required: true, content: json(jsonSchema(organizationUpsertSchema)) },
          responses: {
            200: { description: "Updated", content: json(ref("Organization")) },
            201: { description: "Created", content: json(ref("Organization")) },
            ...common,
          },
        },
      },
      "/api/v1/organizations/{id}/recipient-rules/{type}": {
        put: {
          summary: "Set who receives a type for an organization and everything beneath it",
          description:
            "Replaces the organization's recipient rule as a whole (To, Cc, Bcc; at most 50 entries). `locked: true` stops organizations beneath from replacing it. 409 when a rule above is locked; 422 names each bad entry by JSON path (a `userId` must belong to the organization or one beneath it).",
          parameters: [idParam, typeParam],
          requestBody: { required: true, content: json(ref("RecipientRule")) },
          responses: {
            200: { description: "The organization's effective rule", content: json(ref("RecipientRuleItem")) },
            ...common,
            ...errors(404, 409),
          },
        },
        delete: {
          summary: "Remove an organization's recipient rule: the inherited one applies again",
          parameters: [idParam, typeParam],
          responses: {
            200: { description: "The inherited rule, now effective", content: json(ref("RecipientRuleItem")) },
            ...errors(401, 404, 409, 422, 429),
          },
        },
      },
      "/api/v1/users/{id}": {
        put: {
          summary: "Create or update a user",
          parameters: [idParam],
          requestBody: { required: true, content: json(jsonSchema(userUpsertSchema)) },
          responses: {
            200: { description: "Updated", content: json(ref("User")) },
            201: { description: "Created", content: json(ref("User")) },
            ...common,
            ...errors(409),
          },
        },
        delete: {
          summary: "Deactivate a user (notifications are kept, deliveries stop)",
          parameters: [idParam],
          responses: {
            200: { description: "Deactivated", content: json(jsonSchema(userDeactivatedSchema)) },
            ...errors(401, 403, 404, 429),
          },
        },
      },
      "/api/v1/users/{id}/sign-in-links": {
        post: {
          summary: "Create a one-time sign-in link (10 minutes) for a user",
          parameters: [idParam],
          responses: {
            201: { description: "Created", content: json(jsonSchema(signInLinkSchema)) },
            ...errors(401, 403, 404, 409, 429),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: { summary: "This document", security: [], responses: { 200: { description: "OpenAPI 3.1 document" } } },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "Create keys with `npm run apikey:create -- --name <name> --scopes <list>` or in the console. " +
            "Scopes: `events` (events and batches), `directory` (organizations and users), `sign-in-links`, " +
            "`recipient-rules`; a call outside the key's scopes answers 403.",
        },
      },
      schemas: {
        Error: jsonSchema(errorSchema),
        IngestResult: jsonSchema(ingestResultSchema),
        Organization: jsonSchema(organizationSchema),
        RecipientRule: jsonSchema(recipientRuleBody),
        RecipientRuleItem: jsonSchema(recipientRuleItemSchema),
        User: jsonSchema(userSchema),
        ...eventSchemas,
      },
    },
  };
}
