// An instance that dies between the commit and the push: stores one event through the real
// ingest (in a process with no Socket.IO server, so nothing is pushed), prints the result, and
// kills itself with SIGKILL. Usage: tsx tests/faults/store-and-crash.ts '<envelope JSON>'
import { ingestEvent } from "@/lib/notifications/ingest";

const result = await ingestEvent(JSON.parse(process.argv[2]!), { source: "platform" });
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.kill(process.pid, "SIGKILL"));
