import { env } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi";

let cached: string | undefined;

// GET /api/v1/openapi.json — the Platform API's OpenAPI 3.1 description (public)
export function GET() {
  cached ??= JSON.stringify(buildOpenApiDocument(env().APP_URL));
  return new Response(cached, {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  });
}
