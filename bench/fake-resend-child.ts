// The child process of bench/fake-resend-process.ts: a lean fake Resend on a free loopback port,
// whose counts are read at GET /__stats.
import { startFakeResend } from "../tests/support/fake-resend";

const fake = await startFakeResend({ lean: true });
const close = () => void fake.close().finally(() => process.exit(0));
process.on("SIGTERM", close);
process.on("disconnect", close);
process.send!({ url: fake.url });
