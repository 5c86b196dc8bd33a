/**
 * npm run -s extract -- FILE   (FILE "-" reads standard input)
 * Prints one JSON claim candidate per line on standard output and nothing else: the reading
 * (start, end, text, value, min, max, unit, qualifier, category, date), then claimant and score.
 */
import { readFileSync } from "node:fs";
import { extractClaims } from "../lib/extract";

function readInput(arg: string | undefined): string {
  if (!arg || arg === "-") return readFileSync(0, "utf8");
  return readFileSync(arg, "utf8");
}

const arg = process.argv.slice(2).find((a) => a !== "--");
let text: string;
try {
  text = readInput(arg);
} catch (e) {
  process.stderr.write(`extract: cannot read ${arg ?? "standard input"}: ${(e as Error).message}\n`);
  process.exit(2);
}
const lines = extractClaims(text).map((c) => JSON.stringify(c));
if (lines.length) process.stdout.write(lines.join("\n") + "\n");
