/**
 * npm run eval:extract [-- path/to/IOB2.txt] [--misses CLASS] [--false-positives]
 * Scores the claim suggester against KazNERD (default: ../shared/kaznerd/IOB2_valid.txt), and
 * shows how its ranking splits the candidates by the class of entity they overlap.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractClaims, LIKELY_CLAIM_SCORE } from "../lib/extract";
import { entitiesOf, evaluate, formatRanking, formatReport, NUMERIC_CLASSES, overlaps, parseIob2, rankingByClass, rebuildSentence } from "../lib/extract/evaluation";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name: string): string | null => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? "") : null;
};
const file = args.find((a, i) => !a.startsWith("--") && (i === 0 || !args[i - 1].startsWith("--misses"))) ?? path.join(repoRoot, "..", "shared", "kaznerd", "IOB2_valid.txt");

const sentences = parseIob2(readFileSync(file, "utf8"));
const report = evaluate(sentences, (text) => extractClaims(text));
console.log(`KazNERD file: ${path.relative(repoRoot, file)} (${report.sentences} sentences)\n`);
console.log(formatReport(report));
console.log("");
console.log(formatRanking(rankingByClass(sentences, (text) => extractClaims(text), LIKELY_CLAIM_SCORE)));

// Diagnostics for development: list misses of a class or candidates that overlap nothing numeric.
const missCls = flag("--misses");
const showFp = args.includes("--false-positives");
if (missCls !== null || showFp) {
  console.log("");
  for (const s of sentences) {
    const { text, offsets } = rebuildSentence(s.tokens);
    const ents = entitiesOf(s.tags, offsets);
    const cands = extractClaims(text);
    if (missCls) {
      for (const e of ents) if (e.cls === missCls && !cands.some((c) => overlaps(c, e))) console.log(`MISS ${e.cls}: [${text.slice(e.start, e.end)}]  ::  ${text}`);
    }
    if (showFp) {
      for (const c of cands) {
        if (!ents.some((e) => NUMERIC_CLASSES.has(e.cls) && overlaps(c, e))) console.log(`FP [${c.text}]  ::  ${text}`);
      }
    }
  }
}
