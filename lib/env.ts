// Validated configuration: parsed once, on first use. server.ts fills the local-run defaults
// (embedded database URL, generated AUTH_SECRET) before anything reads it.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .min(1)
  .optional()
  .or(z.literal("").transform(() => undefined));

const seconds = (fallback: number, max: number) => z.coerce.number().positive().max(max).default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// connection URL" }).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // The address to listen on: loopback in development, every interface in production.
    HOST: optionalString,
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    APP_URL: z.url().optional(),
    PORTAL_BASE_URL: z.url().default("https://portal.example.com"),
    RESEND_API_KEY: optionalString,
    EMAIL_FROM: z.string().min(3).default("Marketplace Notifications <notifications@example.com>"),
    RESEND_WEBHOOK_SECRET: optionalString,
    EMAIL_DISABLED: z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => v === "true" || v === "1"),
    // Lets webhook endpoints point at loopback/private addresses and use http:// (development, tests).
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => v === "true" || v === "1"),
    EMAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(100),
    EMAIL_RENDER_THREADS: z.coerce.number().int().min(1).max(64).optional(),
    EMAIL_RENDER_NICE: z.coerce.number().int().min(0).max(19).default(10),
    REDIS_URL: z.url({ protocol: /^rediss?$/, message: "must be a redis:// URL" }).optional(),
    // The email queue's retry schedule and leases (README: Deployment).
    EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
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
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    // Outside email addresses (recipients.emails) one event, and one batch in all, may name.
    MAX_OUTSIDE_RECIPIENTS_PER_EVENT: z.coerce.number().int().min(0).max(100).default(20),
    MAX_OUTSIDE_RECIPIENTS_PER_BATCH: z.coerce.number().int().min(0).max(50_000).default(500),
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

/** Returns one readable line per invalid variable, or an empty list. */
export function checkEnv(source: NodeJS.ProcessEnv = process.env): string[] {
  const result = schema.safeParse(source);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`);
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    throw new Error(`Invalid configuration:\n${checkEnv().join("\n")}`);
  }
  const value = result.data;
  cached = { ...value, APP_URL: (value.APP_URL ?? `http://localhost:${value.PORT}`).replace(/\/$/, "") };
  return cached;
}
