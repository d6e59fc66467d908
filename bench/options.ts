// The benchmark's command line. Unknown options print the usage and exit 2, so a typo never starts
// a six-minute run that measures something else.
const usage = `Usage: npm run bench [-- options]

  --quick      smaller sizes (CI, about two minutes with the build)
  --no-email   email off by organization setting and no email section (the figures without email)
  --rebuild    always run next build first
  --no-build   never build (fails when there is no build)
  --profile    write V8 CPU profiles of the server (and its render threads) to bench/results/
  --help       print this and exit

Email is on by default: the server sends through the real Resend SDK to a local fake Resend that
answers at once. The results are printed and written to bench/results/<time>.json.`;

interface BenchOptions {
  quick: boolean;
  email: boolean;
  build: "always" | "if-stale" | "never";
  profile: boolean;
}

const known = new Set(["--quick", "--no-email", "--rebuild", "--no-build", "--profile", "--help", "-h"]);

/** The options, or the exit code after printing the usage (0 for --help, 2 for a mistake). */
export function parseOptions(argv: string[]): BenchOptions | { exit: number; message: string } {
  const unknown = argv.filter((arg) => !known.has(arg));
  if (unknown.length) return { exit: 2, message: `Unknown option: ${unknown.join(" ")}\n\n${usage}` };
  const args = new Set(argv);
  if (args.has("--help") || args.has("-h")) return { exit: 0, message: usage };
  if (args.has("--rebuild") && args.has("--no-build"))
    return { exit: 2, message: `--rebuild and --no-build exclude each other\n\n${usage}` };
  return {
    quick: args.has("--quick"),
    email: !args.has("--no-email"),
    build: args.has("--rebuild") ? "always" : args.has("--no-build") ? "never" : "if-stale",
    profile: args.has("--profile"),
  };
}
