import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const seedDir = join(__dirname, "../../../seed-texts");

export const readSeed = (file: string) => readFileSync(join(seedDir, file), "utf8");
export const allSeeds = () =>
  readdirSync(seedDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map(readSeed);

/** Replaces text[from..to) with `insert`. */
export const splice = (text: string, from: number, to: number, insert = "") =>
  text.slice(0, from) + insert + text.slice(to);

/** Deterministic so a failing property case can be replayed. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

export function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}
