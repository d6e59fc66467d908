import { defineConfig } from "prisma/config";

// Prisma CLI configuration. Migrations are applied by lib/db/migrate.ts (the WebAssembly schema
// engine); this file serves `prisma generate` and, where the native engine exists, `prisma migrate deploy`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
