/**
 * npm run bench:extract — throughput of extractClaims on the seed corpus repeated 1×, 10×, 100×.
 * Prints a markdown table (median of several runs, one core, after a warm-up).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractClaims } from "../lib/extract";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seedDir = path.join(repoRoot, "seed-texts");
const corpus = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(path.join(seedDir, f), "utf8"))
  .join("\n\n");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const RUNS = 9;
const rows: string[] = [];
for (let i = 0; i < 20; i++) extractClaims(corpus); // warm-up (JIT, lexicon maps)
for (const times of [1, 10, 100]) {
  const text = Array.from({ length: times }, () => corpus).join("\n\n");
  const bytes = Buffer.byteLength(text, "utf8");
  const ms: number[] = [];
  let found = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    found = extractClaims(text).length;
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const med = median(ms);
  const mbs = bytes / 1e6 / (med / 1000);
  rows.push(`| ${times}× | ${(bytes / 1e6).toFixed(2)} MB | ${text.length.toLocaleString("en")} | ${found} | ${med.toFixed(2)} ms | ${mbs.toFixed(1)} MB/s | ${(bytes / 1e6 / times === 0 ? 0 : med / times).toFixed(3)} ms |`);
}
console.log(`Node ${process.version}, ${RUNS} runs per size, median; corpus = the five seed texts (${Buffer.byteLength(corpus, "utf8")} bytes UTF-8).\n`);
console.log("| corpus | size (UTF-8) | characters | candidates | median time | throughput | time per 1× |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(r);
