// Helpers for integration tests: they call the real route handlers with real Requests against a
// real database, and sign users in with a real NextAuth session cookie.
import { encode } from "next-auth/jwt";
import pg from "pg";
import { db } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed";
import { CHANNEL, invalidate, onInvalidate, type CacheTopic } from "@/lib/cache/invalidation";

/** Empties every table and loads the demo directory again. */
export async function resetDatabase() {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
  // The seed drops the directory and user caches itself; the organization settings and recipient rules are ours to drop.
  await seedDemoData();
  invalidate("organization-preferences");
  invalidate("recipient-rules");
}

/** What another instance sends after changing data of this topic; resolves once this process has heard it. */
export async function announceFromAnotherInstance(topic: CacheTopic) {
  const heard = new Promise<void>((resolve) => onInvalidate(topic, resolve));
  const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  await other.query("SELECT pg_notify($1, $2)", [CHANNEL, topic]);
  await other.end();
  await heard;
}

/** A Cookie header value carrying a valid session for this user. */
export async function sessionCookie(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const token = await encode({
    token: {
      sub: user.id,
      uid: user.id,
      email: user.email,
      name: user.name,
      organizationId: user.organizationId,
      role: user.role,
    },
    secret: process.env.AUTH_SECRET!,
  });
  return `next-auth.session-token=${token}`;
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

interface CallOptions<P> {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  params?: P;
  /** Sends this exact text as the body (for malformed-input tests). */
  rawBody?: string;
}

/** Calls a route handler the way Next would, and returns the status and parsed JSON body. */
export async function callRoute<P = Record<string, string>>(
  handler: Handler<P>,
  path: string,
  options: CallOptions<P> = {},
) {
  const headers = new Headers(options.headers);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost:3999${path}`, {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}
