// Runs in the browser before the app hydrates. zod probes whether it may compile validators with
// `new Function`; under the pages' Content-Security-Policy (no 'unsafe-eval') that probe is a
// reported violation. Validation in the browser is small: skip the compilation altogether.
import { z } from "zod";

z.config({ jitless: true });
