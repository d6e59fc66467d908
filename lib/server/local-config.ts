// Defaults that make a local run need no setup. AUTH_SECRET is generated once and kept in .data/
// outside production; production must set it.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { checkEnv, env, exportToLibraries, fillLocalDefaults } from "@/lib/env";

const secretFile = ".data/auth-secret";

function localAuthSecret() {
  if (!existsSync(secretFile)) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(secretFile, "utf8").trim();
}

/** Fills local defaults and validates the configuration; exits with one line per problem. */
export function loadConfiguration() {
  fillLocalDefaults(localAuthSecret);
  const problems = checkEnv();
  if (problems.length) {
    console.error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    if (problems.some((p) => p.startsWith("AUTH_SECRET"))) {
      console.error("  Generate a secret with: openssl rand -base64 32");
    }
    process.exit(1);
  }
  exportToLibraries(env());
  return env();
}
