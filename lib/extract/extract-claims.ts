/**
 * The claim suggester: tokens → numbers → (hedge, unit, date) → candidates.
 *
 * One pass over the tokens; at each token the readers look a bounded number of tokens ahead, so
 * the whole run is linear in the text's length. The number reader is here; dates are read by
 * read-dates.ts and units by read-unit.ts.
 */
import { categorise, sentenceCues, type SentenceCues } from "./categories";
import { claimantReader } from "./claimant";
import { dateStartWords, isoDate, matchRelativeDate, periodOf } from "./dates";
import { dateDraft, sameSentenceWord, type Draft, type Step } from "./draft";
import type { Case } from "./morphology";
import { numeralForms } from "./number-words";
import { parseNumber } from "./parse-number";
import { boundsFor, matchPostQualifier, matchPreQualifier, PRE_QUALIFIER_WORDS, qualifierName, type QualifierEffect } from "./qualifiers";
import { resolveYears } from "./event-year";
import { scoreCandidate } from "./ranking";
import { dateQualifier, tryDayMonth, tryMonth, tryYear } from "./read-dates";
import { readUnit } from "./read-unit";
import { tokenize, type Token } from "./tokenize";
import type { ClaimCandidate, ClaimQualifier } from "./types";
import { lookupUnit, type UnitKind } from "./units";

/** Clock times "таңғы алтыда" (at six in the morning), "сағат 7-де": the hour, not a count. */
const CLOCK_WORDS = new Set(["таңғы", "кешкі", "түнгі", "түскі", "сағат", "таңертеңгі"]);

function isIdentifierContext(tokens: Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (!previous) return false;
  // "№344" polling station numbers, "Covid-19", "Су-27": identifiers, not quantities.
  if (previous.kind === "punct" && (previous.text === "№" || previous.text === "#")) return true;
  if (previous.kind === "dash" && !tokens[index].spaceBefore && !previous.spaceBefore) {
    const beforePrevious = tokens[index - 2];
    if (beforePrevious && beforePrevious.kind === "word") return true;
  }
  // A number glued to letters ("COVID19", "A4") is part of a name.
  if (previous.kind === "word" && !tokens[index].spaceBefore) return true;
  return false;
}

const ARTICLE_ONE_NEXT = new Set([
  "топ", "тобы", "қызығы", "кездері", "кезде", "кезі", "кезінде", "кездерде", "уақытта", "уақыттары", "сәт", "сәтте",
  "өзі", "жағынан", "түрлі", "нәрсе", "нәрсені", "жерде", "сөзбен", "жолы", "белдеу", "шама", "шетінен", "ауыздан",
  "мезетте", "күндері",
]);

function isArticleOne(tokens: Token[], index: number): boolean {
  const next = tokens[index];
  if (!next || next.sentence !== tokens[index - 1].sentence) return false;
  if (next.kind === "dash") {
    const afterNext = tokens[index + 1];
    return !next.spaceBefore && !!afterNext && afterNext.kind === "word" && afterNext.lower.startsWith("бір");
  }
  if (next.kind === "punct") return true;
  return next.kind === "word" && ARTICLE_ONE_NEXT.has(next.lower);
}

function combine(pre: QualifierEffect | null, post: QualifierEffect | null): QualifierEffect | null {
  if (post && post !== "exact") return post;
  return pre ?? post;
}

function tryNumber(tokens: Token[], start: number): Step | null {
  const token = tokens[start];
  const sentence = token.sentence;
  const pre = matchPreQualifier(tokens, start, sentence);
  const numberStart = pre ? pre.end : start;
  const first = tokens[numberStart];
  if (!first || first.sentence !== sentence || (first.kind !== "num" && first.kind !== "word")) return null;
  const number = parseNumber(tokens, numberStart);
  if (!number) return null;
  if (first.kind === "num" && isIdentifierContext(tokens, numberStart)) return { draft: null, next: number.end };

  const year = tryYear(tokens, number, start);
  if (year) return year;
  const dayMonth = tryDayMonth(tokens, number, start, null);
  if (dayMonth) return dayMonth;
  if (number.kind === "ord") {
    // "екінші күні" on the second day, "үшінші жыл" the third year, "жиырмасыншы ғасырда" in the 20th
    // century: relative to something the text names, so a date candidate without an ISO date.
    const periodWord = sameSentenceWord(tokens, number.end, sentence);
    const period = periodWord ? periodOf(periodWord.lower) : undefined;
    if (periodWord && period && period !== "season") {
      const qualified = dateQualifier(tokens, number.end + 1, null, sentence);
      return { draft: dateDraft(start, qualified.end, sentence, null, "EXACT"), next: qualified.end };
    }
    return { draft: null, next: number.end };
  }

  // "18-і күні" on the 18th (of a month the reader already knows): the day is the possessed noun.
  if (number.px3 && number.kind === "card" && Number.isInteger(number.value) && number.value >= 1 && number.value <= 31) {
    const dayWord = sameSentenceWord(tokens, number.end, sentence);
    if (dayWord && dayWord.lower === "күні") {
      const qualified = dateQualifier(tokens, number.end + 1, null, sentence);
      return { draft: dateDraft(start, qualified.end, sentence, isoDate(null, null, number.value), "EXACT"), next: qualified.end };
    }
  }

  let end = number.end;
  let precedingCase: Case | null = number.case;
  let effect: QualifierEffect | null = pre ? pre.effect : null;

  // Fractions: "үштен бірі" one third, "оннан бірі" one tenth (denominator in the ablative, numerator
  // with the possessive).
  if (number.case === "ABL" && number.kind === "card" && number.value >= 2) {
    const numerator = parseNumber(tokens, end);
    if (numerator && tokens[end].sentence === sentence && numerator.px3 && numerator.kind === "card" && numerator.value < number.value && numerator.value >= 1) {
      const share = numerator.value / number.value;
      return {
        draft: {
          startTok: start, endTok: numerator.end, sentence, value: share, min: share, max: share, unit: "fraction", unitKind: null,
          qualifier: "EXACT", isDate: false, date: null, seatNear: false,
        },
        next: numerator.end,
      };
    }
  }

  const postQualifier = matchPostQualifier(tokens, end, precedingCase, sentence);
  if (postQualifier) {
    effect = combine(effect, postQualifier.effect);
    end = postQualifier.end;
  }
  const unitRead = readUnit(tokens, end, sentence);
  if (unitRead) {
    end = unitRead.end;
    precedingCase = unitRead.case;
    const qualifierAfterUnit = postQualifier ? null : matchPostQualifier(tokens, end, precedingCase, sentence);
    if (qualifierAfterUnit) {
      effect = combine(effect, qualifierAfterUnit.effect);
      end = qualifierAfterUnit.end;
    }
  }

  // "33 минуттан бері" for the past 33 minutes: with a duration, "бері" (since) measures the time up
  // to now, an exact length rather than a lower bound.
  if (effect === "from" && unitRead && unitRead.kind === "time") effect = "exact";

  // "бір" is also the indefinite article. KazNERD's annotators read "бір" + noun as a count even
  // before adjectives ("бір маңызды мәселе"), and a fact-checker does care about "бір адам" (one
  // person cast three ballots), so bare "бір" is proposed, except in the fixed expressions where
  // it cannot be a count: "бір топ" (a group), "бір кездері" (once upon a time), "бір қызығы" (the
  // funny thing is), "бір-бірі" (each other), and before punctuation ("бір (екі)...").
  const bareOne = !number.digits && number.words === 1 && number.value === 1 && number.kind === "card" && !number.px3 && number.case === "NOM";
  if (bareOne && !unitRead && !effect && isArticleOne(tokens, number.end)) {
    // Skip the whole "бір-бірі" so its second half is not read as "one of them".
    return { draft: null, next: tokens[number.end]?.kind === "dash" ? number.end + 2 : number.end };
  }

  let unit: string | null = unitRead ? unitRead.unit : null;
  let unitKind: UnitKind | null = unitRead ? unitRead.kind : null;
  if (!unit && !number.digits && number.px3 && number.value > 0 && number.value < 1) {
    // "халықтың жартысы" half of the population.
    unit = "fraction";
  }
  if (!unit && number.kind === "coll") {
    // Collective numerals count people: "екеуі" the two of them.
    unit = "person";
    unitKind = "person";
  }
  const prevTok = tokens[number.start - 1];
  if (!unit && prevTok && prevTok.sentence === sentence && prevTok.kind === "word" && CLOCK_WORDS.has(prevTok.lower)) {
    unit = "o'clock";
    unitKind = null;
  }

  let value: number | null = number.value;
  let min: number | null = number.min;
  let max: number | null = number.max;
  let qualifier: ClaimQualifier = "EXACT";
  if (number.kind === "vague") {
    value = null;
    qualifier = "VAGUE";
  } else if (number.kind === "range") {
    // A range is reported by its bounds; the figure itself is not pinned down (APPROXIMATELY).
    value = null;
    qualifier = "APPROXIMATELY";
    if (effect === "upTo" || effect === "less") {
      qualifier = qualifierName(effect);
      min = null;
    } else if (effect === "more" || effect === "atLeast" || effect === "from") {
      qualifier = qualifierName(effect);
      max = null;
    }
  } else if (number.kind === "approx") {
    qualifier = "APPROXIMATELY";
    min = null;
    max = null;
  } else if (effect) {
    qualifier = qualifierName(effect);
    const bounds = boundsFor(effect, number.value);
    min = bounds.min;
    max = bounds.max;
  }

  const seatWord = (neighbour: Token | undefined): boolean => !!neighbour && neighbour.kind === "word" && neighbour.sentence === sentence && lookupUnit(neighbour.lower)?.kind === "seat";
  const seatNear = seatWord(tokens[number.start - 1]) || seatWord(tokens[number.start - 2]);
  return {
    draft: { startTok: start, endTok: end, sentence, value, min, max, unit, unitKind, qualifier, isDate: false, date: null, seatNear },
    next: end,
  };
}

/**
 * Words that can open a candidate. Almost every word of running text is not one of them, so one set
 * lookup lets the scanner pass over it without trying each reader in turn.
 */
const TRIGGERS = new Set<string>([...numeralForms(), "бірнеше", ...dateStartWords(), ...PRE_QUALIFIER_WORDS]);

function step(tokens: Token[], index: number): Step | null {
  const token = tokens[index];
  if (token.kind === "word" && !TRIGGERS.has(token.lower)) return null;
  if (token.kind === "date") {
    const qualified = dateQualifier(tokens, index + 1, null, token.sentence);
    return { draft: dateDraft(index, index + 1, token.sentence, token.iso, "EXACT"), next: Math.max(index + 1, qualified.end) };
  }
  if (token.kind === "num" || token.kind === "word") {
    const numberStep = tryNumber(tokens, index);
    if (numberStep) return numberStep;
  }
  if (token.kind === "word") {
    const monthStep = tryMonth(tokens, index);
    if (monthStep) return monthStep;
    const relative = matchRelativeDate(tokens, index);
    if (relative) return { draft: dateDraft(index, relative.end, token.sentence, null, relative.vague ? "VAGUE" : "EXACT"), next: relative.end };
  }
  return null;
}

function cuesFor(tokens: Token[], index: number, cache: Map<number, SentenceCues>): SentenceCues {
  const sentence = tokens[index].sentence;
  const hit = cache.get(sentence);
  if (hit) return hit;
  let first = index;
  while (first > 0 && tokens[first - 1].sentence === sentence) first--;
  let end = index;
  while (end < tokens.length && tokens[end].sentence === sentence) end++;
  const cues = sentenceCues(tokens, first, end);
  cache.set(sentence, cues);
  return cues;
}

function finish(text: string, tokens: Token[], drafts: Draft[]): ClaimCandidate[] {
  const cache = new Map<number, SentenceCues>();
  const out: ClaimCandidate[] = [];
  // Event date of a sentence: the nearest dated candidate in the same sentence, preceding first.
  // Two linear sweeps (forward for the last date seen, backward for the next one) keep this O(n)
  // even for a single enormous sentence.
  const before: (string | null)[] = new Array(drafts.length).fill(null);
  let lastSentence = -1;
  let last: string | null = null;
  for (let d = 0; d < drafts.length; d++) {
    const draft = drafts[d];
    if (draft.sentence !== lastSentence) {
      lastSentence = draft.sentence;
      last = null;
    }
    before[d] = last;
    if (draft.isDate && draft.date) last = draft.date;
  }
  lastSentence = -1;
  last = null;
  for (let d = drafts.length - 1; d >= 0; d--) {
    const draft = drafts[d];
    if (draft.sentence !== lastSentence) {
      lastSentence = draft.sentence;
      last = null;
    }
    if (!draft.isDate) draft.date = before[d] ?? last;
    if (draft.isDate && draft.date) last = draft.date;
  }
  datesFromParagraph(text, tokens, drafts);
  const claimantOf = claimantReader(text, tokens);
  for (const draft of drafts) {
    const start = tokens[draft.startTok].start;
    const end = tokens[draft.endTok - 1].end;
    const category = categorise({ unitKind: draft.unitKind, unit: draft.unit, isDate: draft.isDate }, cuesFor(tokens, draft.startTok, cache), draft.seatNear);
    const claimant = draft.isDate ? null : claimantOf(draft.sentence);
    const candidate = {
      start, end, text: text.slice(start, end), value: draft.value, min: draft.min, max: draft.max, unit: draft.unit,
      qualifier: draft.qualifier, category, date: draft.date, claimant,
    };
    out.push({ ...candidate, score: scoreCandidate({ ...candidate, unitKind: draft.unitKind }) });
  }
  return out;
}

/**
 * A figure whose sentence names no date takes the paragraph's: the nearest dated phrase before it
 * in the same line (a paragraph of the viewer), else the nearest after it. Two sweeps, as above.
 */
function datesFromParagraph(text: string, tokens: Token[], drafts: Draft[]): void {
  const line: number[] = new Array(drafts.length);
  let current = 0;
  let lineEnd = -1;
  for (let d = 0; d < drafts.length; d++) {
    const start = tokens[drafts[d].startTok].start;
    if (start > lineEnd) {
      if (lineEnd >= 0) current++;
      const next = text.indexOf("\n", start);
      lineEnd = next === -1 ? text.length : next;
    }
    line[d] = current;
  }
  const inherited: (string | null)[] = new Array(drafts.length).fill(null);
  let last: string | null = null;
  for (let d = 0; d < drafts.length; d++) {
    if (d > 0 && line[d] !== line[d - 1]) last = null;
    if (drafts[d].isDate) {
      if (drafts[d].date) last = drafts[d].date;
    } else if (!drafts[d].date) {
      inherited[d] = last;
    }
  }
  last = null;
  for (let d = drafts.length - 1; d >= 0; d--) {
    if (d < drafts.length - 1 && line[d] !== line[d + 1]) last = null;
    if (drafts[d].isDate) {
      if (drafts[d].date) last = drafts[d].date;
    } else if (!drafts[d].date) {
      drafts[d].date = inherited[d] ?? last;
    }
  }
}

/**
 * Finds candidate numeric claims in Kazakh text. Never throws: on unexpected input it returns what
 * it has read so far (possibly nothing). With `limit`, reading stops at that many candidates, so
 * a caller that refuses past a cap does not read a million figures first. `publishedAt` (the
 * article's publication date) gives a year to dates the text states without one.
 */
export function extractClaims(text: string, options: { limit?: number; publishedAt?: Date | string | null } = {}): ClaimCandidate[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const limit = options.limit ?? Infinity;
  const drafts: Draft[] = [];
  let tokens: Token[] = [];
  try {
    tokens = tokenize(text);
    let index = 0;
    while (index < tokens.length && drafts.length < limit) {
      const read = step(tokens, index);
      if (read) {
        if (read.draft && read.draft.endTok > read.draft.startTok) drafts.push(read.draft);
        index = Math.max(read.next, index + 1);
      } else {
        index++;
      }
    }
  } catch (error) {
    // A reader's fault must not cost the editor the import: the drafts read before it are kept,
    // and the fault is logged so the text that caused it can be found.
    console.error("extractClaims: reading stopped early:", error);
  }
  try {
    return resolveYears(text, finish(text, tokens, drafts), options.publishedAt);
  } catch (error) {
    console.error("extractClaims: no candidates, finishing them failed:", error);
    return [];
  }
}

