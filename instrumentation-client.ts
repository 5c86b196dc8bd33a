import { config } from "zod";

// Runs in the browser before the app's own code. Zod compiles its object parsers with
// `new Function` when it may, and probes whether it may by trying: under the pages'
// Content-Security-Policy (no 'unsafe-eval', proxy.ts) that probe is refused and reported as a
// violation on every page with a form. Without the compiler it parses the same, a little slower.
config({ jitless: true });
