import { invalidField } from "./invalid-field";
import { platformIdSchema } from "./schemas";

/** The `{id}` of a Platform API path, checked like an id in a body (422 naming `id`). */
export function parsePathId(value: string | undefined, bodyId?: string) {
  const parsed = platformIdSchema.safeParse(value);
  if (!parsed.success) throw invalidField("id", `(in the path) ${parsed.error.issues[0]?.message ?? "is invalid"}`);
  if (bodyId !== undefined && bodyId !== parsed.data)
    throw invalidField("id", `in the body (${bodyId}) differs from the id in the path (${parsed.data})`);
  return parsed.data;
}
