import { readFileSync } from "node:fs";
import path from "node:path";
import { selectorFor } from "@/lib/anchoring";
import { extractClaims } from "@/lib/extract";
import type { GroupingClaim } from "@/lib/grouping/same-fact";
import { SEED_TEXTS_DIR } from "../../support/paths";

export const SEED = {
  /** Azattyq, 5 March 2020: activists at Nur Otan's Almaty office; Tokayev; 9 June 2019. */
  nurOtan: "000_cfd52a1e966a8c28.txt",
  /** Another outlet on the same visit: the corruption figures. */
  nurOtanOther: "001_297095da23eb7edd.txt",
  /** Independent observers after the 9 June 2019 presidential election. */
  observers: "002_37550b50464d8635.txt",
  /** January 2021 parliamentary election: detentions, the ministry's "all released". */
  parliament2021: "003_f112b8e6a601b618.txt",
  /** Alnur Ilyashev's trial, June 2020. */
  trial: "004_d4f0bc03257ef0bf.txt",
} as const;

export function seedText(file: string): string {
  return readFileSync(path.join(SEED_TEXTS_DIR, file), "utf8");
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A claim tagged on the first occurrence of `phrase` in `text`, as the workbench stores it (the
 * quote with CONTEXT_LENGTH characters either side) and read as the suggester reads it, the way
 * accepting a suggestion fills the fields. `fields` are what an editor adds by hand.
 */
export function claimOn(text: string, articleId: string, phrase: string, fields: Partial<GroupingClaim> = {}): GroupingClaim {
  const start = text.indexOf(phrase);
  if (start === -1) throw new Error(`"${phrase}" is not in ${articleId}`);
  return claimAt(text, articleId, start, start + phrase.length, fields);
}

function claimAt(text: string, articleId: string, start: number, end: number, fields: Partial<GroupingClaim>): GroupingClaim {
  const read = extractClaims(text).find((c) => c.start === start && c.end === end);
  const selector = selectorFor(text, start, end);
  return {
    id: `${articleId}@${start}`,
    articleId,
    category: read?.category ?? "OTHER",
    value: read?.value ?? null,
    min: read?.min ?? null,
    max: read?.max ?? null,
    unit: read?.unit ?? null,
    qualifier: read && (read.value !== null || read.min !== null || read.max !== null) ? read.qualifier : "VAGUE",
    claimant: null,
    eventDate: read?.date && FULL_DATE.test(read.date) ? read.date : null,
    quote: selector.quote,
    prefix: selector.prefix,
    suffix: selector.suffix,
    ...fields,
  };
}

/** Every suggestion of an article accepted as a claim, as an editor clicking "accept all" would. */
export function allSuggestionsOf(file: string): GroupingClaim[] {
  const text = seedText(file);
  return extractClaims(text).map((c) => claimAt(text, file, c.start, c.end, {}));
}

/** A claim written for a test, with the context as the workbench would cut it from `sentence`. */
export function claimIn(sentence: string, quote: string, fields: Partial<GroupingClaim> & Pick<GroupingClaim, "id" | "articleId">): GroupingClaim {
  return claimOn(sentence, fields.articleId, quote, fields);
}
