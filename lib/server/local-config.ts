// Defaults that make a local run need no setup. AUTH_SECRET is generated once and kept in .data/
// outside production; production must set it.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { checkEnv, env } from "@/lib/env";

const secretFile = ".data/auth-secret";

/** Fills local defaults and validates the configuration; exits with one line per problem. */
export function loadConfiguration() {
  if (!process.env.AUTH_SECRET && process.env.NODE_ENV !== "production") {
    if (!existsSync(secretFile)) {
      mkdirSync(".data", { recursive: true });
      writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    }
    process.env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  }
  const problems = checkEnv();
  if (problems.length) {
    console.error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    if (problems.some((p) => p.startsWith("AUTH_SECRET"))) {
      console.error("  Generate a secret with: openssl rand -base64 32");
    }
    process.exit(1);
  }
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  // NextAuth reads these names.
  process.env.NEXTAUTH_SECRET = process.env.AUTH_SECRET;
  // APP_URL is the one public URL: NextAuth's (and with it the Secure cookies behind https) too.
  process.env.NEXTAUTH_URL = env().APP_URL;
  return env();
}
