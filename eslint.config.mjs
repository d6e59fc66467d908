import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// One way to write raw SQL (the rule at the top of lib/db.ts): the sql`…` tag, run by
// $queryRaw(statement) / $executeRaw(statement) or query(statement) on the pool.
const rawSqlSyntax = {
  selector: "TaggedTemplateExpression[tag.property.name=/^\\$(queryRaw|executeRaw)$/]",
  message: "Build the statement with the sql`…` tag from @/lib/db and pass it: db.$queryRaw(sql`…`).",
};

const rawSqlProperties = [
  { property: "$queryRawUnsafe", message: "Write the statement with the sql`…` tag from @/lib/db." },
  { property: "$executeRawUnsafe", message: "Write the statement with the sql`…` tag from @/lib/db." },
];

// Configuration in one place: lib/env.ts reads (and validates) every environment variable.
const processEnv = {
  object: "process",
  property: "env",
  message: "Read configuration through env() from @/lib/env (add the variable to its schema and the README).",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    rules: {
      // A leading underscore marks a value destructured away on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: [
      "app/**",
      "components/**",
      "lib/**",
      "scripts/**",
      "prisma/**",
      "emails/**",
      "server.ts",
      "proxy.ts",
      "instrumentation-client.ts",
    ],
    rules: {
      "no-restricted-properties": ["error", ...rawSqlProperties, processEnv],
      "no-restricted-syntax": ["error", rawSqlSyntax],
    },
  },
  {
    // lib/env.ts is the one reader; prisma-generate runs at postinstall, before TypeScript can,
    // and passes Prisma's own settings to `prisma generate`. (tests/, bench/ and the tools'
    // config files at the root read their own settings.)
    files: ["lib/env.ts", "scripts/prisma-generate.mjs"],
    rules: { "no-restricted-properties": ["error", ...rawSqlProperties] },
  },
  {
    // Secondary text uses the text-muted token: zinc-500 is under 4.5:1 on the unread tint and on
    // dark surfaces (docs/accessibility.md).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["Literal", "TemplateElement"].map((node) => ({
          selector: `${node}[${node === "Literal" ? "value" : "value.raw"}=/(^|[\\s:])text-zinc-500/]`,
          message: "Use text-muted for secondary text (text-zinc-500 fails WCAG contrast on tinted and dark surfaces).",
        })),
        rawSqlSyntax,
      ],
    },
  },
  {
    // Tests read loosely typed JSON answers; Playwright fixtures call their own `use`, not React's.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
