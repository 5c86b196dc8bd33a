/**
 * Word stems for telling whether two passages talk about the same thing. Kazakh is agglutinative:
 * "сайлауда", "сайлауға", "сайлаудың" are one word with case endings, so words are compared by
 * their first STEM_LENGTH letters rather than whole. No dictionary, no stemmer library: this is
 * a cheap, predictable approximation that the tests pin down.
 */
import { lookupMonth } from "@/lib/extract/dates";
import { lookupNumeral } from "@/lib/extract/number-words";

/**
 * Four letters keep most Kazakh roots whole while cutting the endings off:
 * "ұсталғанын"/"ұстаған" → "ұста", "дауыспен"/"дауысқа" → "дауы", "пайыздан"/"пайызы" → "пайы".
 * Five would split "ұстал-" from "ұстағ-"; three would merge "жеңіс" (victory) with "жеңіл" (light)
 * and much else.
 */
export const STEM_LENGTH = 4;

/** Shorter words are particles and pronouns ("да", "ол", "мен"), never what a passage is about. */
const MIN_WORD_LENGTH = 3;

/**
 * Function words, hedges and reporting verbs: every news passage has them, so sharing them says
 * nothing. The hedges ("астам", "жуық") belong to the figure, which is compared on its own.
 */
const STOP_WORDS = new Set([
  // conjunctions, postpositions, particles
  "және", "мен", "бен", "пен", "немесе", "бірақ", "алайда", "сондай", "сонымен", "қатар", "ғана", "қана",
  "үшін", "туралы", "бойынша", "арқылы", "дейін", "кейін", "бұрын", "соң", "бері", "бастап", "кезінде",
  "кезде", "сияқты", "секілді", "тағы", "енді", "әлі", "ал", "деп", "деген", "дегенде", "дейді", "деді",
  // pronouns and demonstratives
  "бұл", "осы", "сол", "ол", "олар", "оның", "олардың", "оны", "оған", "онда", "бұған", "бұның", "мұнда",
  "өзі", "өзінің", "өздері", "біз", "біздің", "сіз", "барлық", "барлығы", "бәрі", "кейбір", "әр",
  // "is", "was", "there is"
  "екен", "екені", "екенін", "болып", "болды", "болған", "болады", "бар", "жоқ", "еді",
  // hedges and limits (the figure carries them)
  "астам", "астамы", "аса", "жуық", "жуығы", "шамамен", "шамасында", "шақты", "кемінде", "кем", "кемі",
  "артық", "таяу", "жақын", "тарта", "шамалы", "бірнеше", "көлемінде", "мөлшерінде",
  // reporting verbs: who said it is the claimant, not the topic
  "айтты", "айтқан", "айтып", "хабарлады", "хабарлаған", "мәлімдеді", "мәлімдеген", "жеткізді",
  // time words: relative to a publication day the passage does not know; the event date is
  // compared on its own
  "былтыр", "биыл", "бүгін", "бүгінгі", "кеше", "кешегі", "ертең", "қазір", "күні", "күнгі", "жылы",
  "жылғы", "айы", "айында",
]);

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-‐‑][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_DIGIT = /\p{N}/u;
const HYPHEN = /[-‐‑]/;

/** The content words of a text, lower-cased; numbers, numeral words and stop words left out. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    // "1000-нан", "9-ы": a digit with its case ending is part of the figure.
    if (HAS_DIGIT.test(match[0])) continue;
    // "Қасым-Жомарт", "айғай-шу": each half is a word.
    for (const word of match[0].split(HYPHEN)) {
      if (word.length < MIN_WORD_LENGTH || STOP_WORDS.has(word)) continue;
      // "мыңнан", "мыңдаған", "жетпіс", "маусымдағы": numbers and months are the figure and the
      // date, compared as such.
      if (lookupNumeral(word) || lookupMonth(word)) continue;
      words.push(word);
    }
  }
  return words;
}

export function stem(word: string): string {
  return word.slice(0, STEM_LENGTH);
}

/** The distinct stems of a text's content words. */
export function stemSet(text: string): Set<string> {
  return new Set(contentWords(text).map(stem));
}

/** Dice coefficient: 2·|A∩B| / (|A|+|B|); 0 when either side has nothing to compare. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  return (2 * intersectionSize(a, b)) / (a.size + b.size);
}

/** Share of the smaller set found in the larger: "Канкуров" against "Станислав Канкуров" is 1. */
export function overlapCoefficient(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  return intersectionSize(a, b) / Math.min(a.size, b.size);
}

export function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return [...small].filter((x) => large.has(x));
}

function intersectionSize(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return intersection(a, b).length;
}
