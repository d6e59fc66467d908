// Configuration: every environment variable the app reads is read here, validated, parsed once on
// first use (ESLint refuses process.env elsewhere). The start (lib/server/local-config.ts) fills the
// local-run defaults (generated AUTH_SECRET) and checks everything before anything else runs; an
// invalid value stops it with one line per problem. DATABASE_URL may be set later, at start
// (the embedded database's): setDatabaseUrl() makes the next env() read it. Tests set process.env
// before their first env() call (Vitest gives each test file its own modules).
import "server-only";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .min(1)
  .optional()
  .or(z.literal("").transform(() => undefined));

/** A whole number between min and max; a non-numeric value is an error, not NaN. */
const number = () =>
  z.coerce.number({ error: (issue) => (issue.code === "invalid_type" ? "must be a number" : undefined) });
const integer = (min: number, max: number) =>
  number().int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const seconds = (fallback: number, max: number) =>
  number().positive("must be more than 0").max(max, `must be at most ${max}`).default(fallback);
const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// connection URL" }).optional(),
    PORT: integer(1, 65535).default(3000),
    // The address to listen on: loopback in development, every interface in production.
    HOST: optionalString,
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    APP_URL: z.url().optional(),
    PORTAL_BASE_URL: z.url().default("https://portal.example.com"),
    RESEND_API_KEY: optionalString,
    EMAIL_FROM: z.string().min(3).default("Marketplace Notifications <notifications@example.com>"),
    RESEND_WEBHOOK_SECRET: optionalString,
    EMAIL_DISABLED: flag,
    // Lets webhook endpoints point at loopback/private addresses and use http:// (development, tests).
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: flag,
    EMAIL_BATCH_SIZE: integer(1, 100).default(100),
    EMAIL_RENDER_THREADS: integer(1, 64).optional(),
    EMAIL_RENDER_NICE: integer(0, 19).default(10),
    // The app server's email and webhook workers in a thread of their own (lib/server/queue-thread.ts), at this nice value.
    QUEUE_THREAD: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    QUEUE_THREAD_NICE: integer(0, 19).default(10),
    // The queue thread gives way to the main thread while it is this busy (lib/queue/foreground.ts).
    QUEUE_YIELD_ELU: number().min(0, "must be at least 0").max(1, "must be at most 1").default(0.5),
    QUEUE_YIELD_MAX_MS: integer(0, 60_000).default(1_000),
    REDIS_URL: z.url({ protocol: /^rediss?$/, message: "must be a redis:// URL" }).optional(),
    // The email queue's retry schedule and leases (README: Deployment).
    EMAIL_MAX_ATTEMPTS: integer(1, 100).default(8),
    EMAIL_RETRY_BASE_SECONDS: seconds(15, 86_400),
    EMAIL_RETRY_MAX_SECONDS: seconds(3_600, 7 * 86_400),
    EMAIL_LEASE_SECONDS: seconds(20, 3_600),
    EMAIL_SEND_TIMEOUT_SECONDS: seconds(10, 3_600),
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default("notification-center"),
    METRICS_ENABLED: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    // Demo directory at start (lib/demo/at-start.ts): unset means only in development, on an empty database.
    SEED_DEMO_DATA: z.enum(["true", "false"]).optional(),
    // How many reverse proxies in front of the server append to X-Forwarded-For (lib/client-address.ts).
    TRUST_PROXY: integer(0, 10).default(0),
    // Outside email addresses (recipients.emails) one event, and one batch in all, may name.
    MAX_OUTSIDE_RECIPIENTS_PER_EVENT: integer(0, 100).default(20),
    MAX_OUTSIDE_RECIPIENTS_PER_BATCH: integer(0, 50_000).default(500),
    // Platform API requests per key per minute, on each instance (lib/api/with-api-key.ts).
    API_RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000_000).default(60_000),
    // The benchmark's routes (app/api/bench/*): 404 unless set (npm run bench sets it).
    BENCH_ROUTES: flag,
    // The key `npm run events:send` sends with.
    PLATFORM_API_KEY: optionalString,
    // Node's own; read to tell whether source maps were asked for (lib/server/start.ts).
    NODE_OPTIONS: z.string().default(""),
    // Days an email's unsubscribe link works (lib/email/unsubscribe-token.ts).
    UNSUBSCRIBE_LINK_DAYS: integer(1, 365).default(60),
  })
  .superRefine((value, ctx) => {
    if (value.EMAIL_SEND_TIMEOUT_SECONDS >= value.EMAIL_LEASE_SECONDS) {
      ctx.addIssue({
        code: "custom",
        path: ["EMAIL_SEND_TIMEOUT_SECONDS"],
        message: "must be shorter than EMAIL_LEASE_SECONDS (a request must end before its job's lease)",
      });
    }
    if (value.EMAIL_RETRY_MAX_SECONDS < value.EMAIL_RETRY_BASE_SECONDS) {
      ctx.addIssue({
        code: "custom",
        path: ["EMAIL_RETRY_MAX_SECONDS"],
        message: "must not be less than EMAIL_RETRY_BASE_SECONDS",
      });
    }
    if (value.NODE_ENV === "production" && !value.APP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message:
          "is required in production: the public https:// URL of this service (links in emails, cookies, the CSRF check), e.g. APP_URL=https://notifications.example.com",
      });
    }
    if (value.NODE_ENV === "production" && !value.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    if (value.NODE_ENV === "production" && !value.RESEND_API_KEY && !value.EMAIL_DISABLED) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message:
          "is required in production to send email (or set EMAIL_DISABLED=true to capture mail in /dev/mailbox instead)",
      });
    }
  });

export type Env = z.infer<typeof schema> & { APP_URL: string };

/** Where the server listens: HOST, else loopback outside production (a dev server is not for the network). */
export function listenHost(config: Pick<Env, "HOST" | "NODE_ENV">): string | undefined {
  return config.HOST ?? (config.NODE_ENV === "production" ? undefined : "127.0.0.1");
}

/** Returns one readable line per invalid variable, naming it, or an empty list. */
export function checkEnv(source: NodeJS.ProcessEnv = process.env): string[] {
  const result = schema.safeParse(source);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`);
}

/** The validated configuration of `source`, or an Error that names every invalid variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) throw new Error(`Invalid configuration:\n${checkEnv(source).join("\n")}`);
  const value = result.data;
  return { ...value, APP_URL: (value.APP_URL ?? `http://localhost:${value.PORT}`).replace(/\/$/, "") };
}

let cached: Env | undefined;

export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

/**
 * Local-run defaults, set before the configuration is checked: outside production a missing
 * AUTH_SECRET is `generated()` (kept in .data/ by the caller).
 */
export function fillLocalDefaults(generated: () => string) {
  if (!process.env.AUTH_SECRET && process.env.NODE_ENV !== "production") process.env.AUTH_SECRET = generated();
  cached = undefined;
}

/** DATABASE_URL, which the start resolves (lib/server/database.ts): an error when nothing has set it. */
export function requiredDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app through server.ts (or npm run worker)");
  return url;
}

/** The database resolved at start (the embedded one when DATABASE_URL is unset): env() reads it from now on. */
export function setDatabaseUrl(url: string) {
  process.env.DATABASE_URL = url;
  cached = undefined;
}

/** The names that libraries read themselves (NextAuth, Next), from the validated configuration. */
export function exportToLibraries(config: Env) {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  if (config.AUTH_SECRET) process.env.NEXTAUTH_SECRET = config.AUTH_SECRET;
  // APP_URL is the one public URL: NextAuth's (and with it the Secure cookies behind https) too.
  process.env.NEXTAUTH_URL = config.APP_URL;
}
