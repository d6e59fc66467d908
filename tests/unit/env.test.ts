// The configuration parser (lib/env.ts): what an invalid value says, and the values read at start.
import { afterEach, describe, expect, it } from "vitest";
import { checkEnv, env, parseEnv, requiredDatabaseUrl, setDatabaseUrl } from "@/lib/env";

const base = { NODE_ENV: "test" } as NodeJS.ProcessEnv;

describe("the configuration parser", () => {
  it("names a non-numeric or out-of-range number instead of reading it as NaN", () => {
    expect(checkEnv({ ...base, API_RATE_LIMIT_PER_MINUTE: "lots" })).toEqual([
      "API_RATE_LIMIT_PER_MINUTE: must be a number",
    ]);
    expect(checkEnv({ ...base, API_RATE_LIMIT_PER_MINUTE: "0" })).toEqual([
      "API_RATE_LIMIT_PER_MINUTE: must be at least 1",
    ]);
    expect(checkEnv({ ...base, API_RATE_LIMIT_PER_MINUTE: "2.5" })).toEqual([
      "API_RATE_LIMIT_PER_MINUTE: must be a whole number",
    ]);
    expect(checkEnv({ ...base, PORT: "http" })).toEqual(["PORT: must be a number"]);
    expect(() => parseEnv({ ...base, API_RATE_LIMIT_PER_MINUTE: "lots", TRUST_PROXY: "yes" })).toThrow(
      "Invalid configuration:\nTRUST_PROXY: must be a number\nAPI_RATE_LIMIT_PER_MINUTE: must be a number",
    );
  });

  it("reads numbers, flags and defaults", () => {
    const config = parseEnv({ ...base, API_RATE_LIMIT_PER_MINUTE: " 120 ", BENCH_ROUTES: "1", PORT: "4100" });
    expect(config).toMatchObject({
      API_RATE_LIMIT_PER_MINUTE: 120,
      BENCH_ROUTES: true,
      PORT: 4100,
      APP_URL: "http://localhost:4100",
      EMAIL_DISABLED: false,
    });
    expect(parseEnv(base)).toMatchObject({ API_RATE_LIMIT_PER_MINUTE: 60_000, BENCH_ROUTES: false, NODE_OPTIONS: "" });
    expect(checkEnv({ ...base, BENCH_ROUTES: "yes" })).toEqual([expect.stringMatching(/^BENCH_ROUTES:/)]);
  });

  it("refuses a DATABASE_URL that is not a postgres:// URL", () => {
    expect(checkEnv({ ...base, DATABASE_URL: "mysql://localhost/db" })).toEqual([
      "DATABASE_URL: must be a postgres:// connection URL",
    ]);
  });
});

describe("the database URL resolved at start", () => {
  const before = process.env.DATABASE_URL;
  afterEach(() => {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  });

  it("is read by env() once set, after the configuration was first parsed", () => {
    setDatabaseUrl("postgresql://127.0.0.1:1/first");
    expect(env().DATABASE_URL).toBe("postgresql://127.0.0.1:1/first");
    setDatabaseUrl("postgresql://127.0.0.1:54329/notifications");
    expect(requiredDatabaseUrl()).toBe("postgresql://127.0.0.1:54329/notifications");
  });
});
