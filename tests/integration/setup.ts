import { afterAll, inject } from "vitest";
import { closeSharedRenderPool } from "@/lib/email/render-pool";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET = "integration-test-secret-0123456789abcdef";
process.env.APP_URL = "http://localhost:3999";
process.env.PORTAL_BASE_URL = "https://portal.test";
process.env.EMAIL_FROM = "Marketplace <notifications@test.example>";
process.env.METRICS_TOKEN = "integration-metrics-token-0123456789";

// Render threads started by a file's email workers end with the file.
afterAll(() => closeSharedRenderPool());
