/**
 * Re-anchoring a 200,000-character article's claims through a revision: an everyday edit, 200
 * scattered edits, and a rewrite throughout (where the diff's time bound applies).
 * Run: npx tsx bench/reanchor.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { reanchorAll, selectorFor, type StoredAnchor } from "@/lib/anchoring";
import { diffHunks } from "@/lib/anchoring/text-diff";

const dir = path.join(__dirname, "../seed-texts");
const paragraphs = readdirSync(dir).flatMap((f) => readFileSync(path.join(dir, f), "utf8").split("\n").filter(Boolean));
let seed = 1;
const random = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
function article(length: number): string {
  const out: string[] = [];
  for (let size = 0; size < length; size += out.at(-1)!.length + 1) out.push(paragraphs[random(paragraphs.length)]);
  return out.join("\n").slice(0, length);
}

const old = article(200_000);
const words = [...old.matchAll(/[\p{L}\p{N}]+/gu)];
const anchors: StoredAnchor[] = Array.from({ length: 500 }, () => {
  const w = words[random(words.length)];
  return { ...selectorFor(old, w.index!, w.index! + w[0].length), anchorStatus: "ANCHORED" };
});
let scattered = old;
for (let i = 0; i < 200; i++) {
  const at = random(scattered.length);
  scattered = scattered.slice(0, at) + "жаңа сөз " + scattered.slice(at + random(20));
}
const cases: Array<[string, string]> = [
  ["a sentence typed in the middle", old.slice(0, 100_000) + "Ұсталғандардың арасында журналистер де болды. " + old.slice(100_000)],
  ["200 scattered edits", scattered],
  ["rewritten throughout", article(200_000)],
];

for (const [name, text] of cases) {
  const times: number[] = [];
  let diffMs = 0;
  let placed = 0;
  const before = performance.now();
  const placedBefore = reanchorAll(text, anchors).filter((r) => r.start !== null).length;
  const searchOnly = performance.now() - before;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    diffHunks(old, text);
    diffMs = performance.now() - t0;
    const t1 = performance.now();
    placed = reanchorAll(text, anchors, old).filter((r) => r.start !== null).length;
    times.push(performance.now() - t1);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: diff ${diffMs.toFixed(0)} ms, re-anchoring 500 claims ${times[1].toFixed(0)} ms (median of 3), ${placed} placed; by context search alone ${searchOnly.toFixed(0)} ms, ${placedBefore} placed`);
}
