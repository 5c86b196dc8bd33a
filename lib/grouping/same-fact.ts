/**
 * The rule that decides whether two claims report the same fact ("Tokayev won with 70 %" in two
 * articles), with a score and the reasons, so an editor can see why a group was proposed.
 *
 * Hard requirements first (any one fails: not the same fact): two claims, one category, units of
 * one kind, no two different event dates, and not one article saying it twice in one voice. Then
 * the evidence, from 0 to 1:
 *   word similarity of the claims' sentences (Dice over stems)
 *   + CLAIMANT_BONUS when both name the same claimant
 *   + EVENT_DATE_BONUS when both state the same event date
 *   + FIGURE_BONUS when the figures agree and are within CLOSE_RATIO of each other.
 * Figures that agree need SAME_FACT_THRESHOLD. Figures that cannot both be true, are an order of
 * magnitude apart, or cannot be compared need CONFLICT_THRESHOLD: that is how a conflict is found
 * (an official "all were released" against rights defenders' "at least ten are held"), but it
 * takes more than a shared word.
 */
import { CONTEXT_LENGTH } from "@/lib/anchoring/selector";
import { canonicalUnit } from "@/lib/i18n/canonical-unit";
import { compatible, figureInterval, figureUnit, formatInterval, magnitudeRatio, unitsAgree, type FigureInterval, type FigureQualifier, type Numeric } from "./figure-interval";
import { contentWords, dice, intersection, overlapCoefficient, stem, stemSet } from "./word-stems";
import type { CodedMessage, MessageCode, MessageParams } from "@/lib/core/message-codes";

/** What the rule reads of a claim; the database row carries all of it. */
export interface GroupingClaim {
  id: string;
  articleId: string;
  category: string;
  value: Numeric;
  min: Numeric;
  max: Numeric;
  unit: string | null;
  qualifier: FigureQualifier;
  claimant: string | null;
  /** YYYY-MM-DD, or null when the claim does not say when. */
  eventDate: string | null;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * Measured on the five seed articles (tests/unit/grouping/seed-texts.test.ts): the same fact told
 * in two articles scores 0.37–0.77, its sentences sharing 0.22–0.62 of their stems. Pairs of one
 * category and unit that are different facts score at most 0.29, and the few that share any word
 * at all have figures far apart or contradicting. Agreeing figures alone (FIGURE_BONUS) never
 * reach it: at least one shared word, claimant or date is needed.
 */
export const SAME_FACT_THRESHOLD = 0.2;
/**
 * Twice as demanding: a pair whose figures give no support is put together only when the
 * sentences clearly tell of the same event, or the event date and claimant speak for it as well.
 * Above the 0.29 of the seed articles' different facts.
 */
export const CONFLICT_THRESHOLD = 0.4;
/** The same person or body saying it is strong evidence, but two claims of one spokesperson
 * may still be two facts. */
export const CLAIMANT_BONUS = 0.2;
/** Same stated day: the commonest way two reports of one event line up. */
export const EVENT_DATE_BONUS = 0.2;
/**
 * Figures within a factor of two that can both be true ("мыңдаған", about 4,500, and "төрт мыңға
 * жуық") speak for the same fact: that is what two reports of one count look like.
 */
export const CLOSE_RATIO = 2;
export const FIGURE_BONUS = 0.15;
/**
 * An order of magnitude apart, even when both can be true ("кемінде он" and "төрт мыңға жуық"),
 * a writer giving a lower bound gives one near the figure, so such a pair is treated like a
 * disagreement: put together only on strong evidence.
 */
export const FAR_RATIO = 10;
/** Share of the shorter name's stems found in the longer one for two claimants to be one. */
const CLAIMANT_MATCH = 0.5;

export interface PreparedClaim {
  claim: GroupingClaim;
  interval: FigureInterval | null;
  /** Stems of the quote and its context. */
  words: Set<string>;
  claimantWords: Set<string> | null;
  /** "percent", "person", …, or null. Shares and counts never describe one figure. */
  unit: string | null;
}

export interface SameFactDecision {
  sameFact: boolean;
  /** Same fact, but the figures cannot both be true. */
  conflict: boolean;
  score: number;
  /** Why, as coded messages (libGrouping.reason.*), worded where they are shown. */
  reasons: CodedMessage[];
}

/** A full stop, question or exclamation mark before a space, or a line break. */
const SENTENCE_END = /[.!?…](?=\s|$)|\n/gu;

/**
 * The claim's own sentence within its stored context. Words of the neighbouring sentence are
 * about something else: "…адам ұсталғанын хабарлады.\nҚұқық қорғаушылар…" would otherwise match
 * every other passage that mentions rights defenders. Where the context stops mid-sentence, its
 * first word may be cut in half ("…ав Канкуров", CONTEXT_LENGTH characters back); a word's end is
 * no stem, so it is dropped. The suffix's last word keeps its beginning, which is the stem.
 */
export function passageText(claim: Pick<GroupingClaim, "prefix" | "quote" | "suffix">): string {
  let prefix = claim.prefix;
  const ends = [...prefix.matchAll(SENTENCE_END)];
  const last = ends.at(-1);
  if (last) prefix = prefix.slice(last.index + last[0].length);
  else if (prefix.length >= CONTEXT_LENGTH - 1) prefix = prefix.replace(/^[\p{L}\p{M}]+/u, "");
  const first = [...claim.suffix.matchAll(SENTENCE_END)][0];
  const suffix = first ? claim.suffix.slice(0, first.index) : claim.suffix;
  return `${prefix}${claim.quote}${suffix}`;
}

export function prepareClaim(claim: GroupingClaim): PreparedClaim {
  const unit = figureUnit(claim);
  const claimantWords = claim.claimant?.trim() ? stemSet(claim.claimant) : null;
  // The unit's own word ("адам", "пайыз") is compared as the unit; counting it again as a shared
  // word would make every two head counts look alike.
  const words = contentWords(passageText(claim)).filter((word) => !unit || canonicalUnit(word) !== unit);
  return {
    claim,
    interval: figureInterval({ ...claim, unit }),
    words: new Set(words.map(stem)),
    claimantWords: claimantWords && claimantWords.size > 0 ? claimantWords : null,
    unit,
  };
}

function claimantsMatch(a: PreparedClaim, b: PreparedClaim): boolean | null {
  if (!a.claimantWords || !b.claimantWords) return null;
  return overlapCoefficient(a.claimantWords, b.claimantWords) >= CLAIMANT_MATCH;
}

/**
 * One article states a fact once; two figures of one category in it are two facts, unless the
 * article sets two named voices against each other ("the ministry says 0, the NGO at least 10").
 */
export function oneArticleOneVoice(a: PreparedClaim, b: PreparedClaim): boolean {
  return a.claim.articleId === b.claim.articleId && claimantsMatch(a, b) !== false;
}

const reason = (code: MessageCode, params?: MessageParams): CodedMessage => (params ? { code, params } : { code });
const notSame = (why: CodedMessage): SameFactDecision => ({ sameFact: false, conflict: false, score: 0, reasons: [why] });

export function comparePrepared(a: PreparedClaim, b: PreparedClaim): SameFactDecision {
  const x = a.claim;
  const y = b.claim;
  if (x.id === y.id) return notSame(reason("libGrouping.reason.sameClaim"));
  if (x.category !== y.category) return notSame(reason("libGrouping.reason.differentCategories", { a: x.category, b: y.category }));
  if (!unitsAgree(a.unit, b.unit)) return notSame(reason("libGrouping.reason.differentUnits", { a: a.unit ?? "none", b: b.unit ?? "none" }));
  if (x.eventDate && y.eventDate && x.eventDate !== y.eventDate) return notSame(reason("libGrouping.reason.differentEventDates", { a: x.eventDate, b: y.eventDate }));
  // A date claim's figure is its date: without it there is nothing to report the same of.
  if (x.category === "DATE" && (!x.eventDate || !y.eventDate)) return notSame(reason("libGrouping.reason.dateClaimWithoutDate"));
  if (oneArticleOneVoice(a, b)) return notSame(reason("libGrouping.reason.sameArticleOneVoice"));
  const sameClaimant = claimantsMatch(a, b);

  const reasons: CodedMessage[] = [];
  const shared = intersection(a.words, b.words);
  const words = dice(a.words, b.words);
  let score = words;
  reasons.push(shared.length > 0 ? reason("libGrouping.reason.wordsInCommon", { score: words.toFixed(2), words: shared.sort().join(", ") }) : reason("libGrouping.reason.noWordsInCommon"));
  if (sameClaimant) {
    score += CLAIMANT_BONUS;
    reasons.push(reason("libGrouping.reason.sameClaimant"));
  }
  if (x.eventDate && x.eventDate === y.eventDate) {
    score += EVENT_DATE_BONUS;
    reasons.push(reason("libGrouping.reason.sameEventDate", { date: x.eventDate }));
  }
  const figure = figureRelation(a.interval, b.interval);
  reasons.push(figure.reason);
  if (figure.relation === "close") score += FIGURE_BONUS;
  score = Math.min(1, score);

  // Without a figure on both sides the words must carry the decision alone.
  const demanding = figure.relation !== "close" && figure.relation !== "compatible";
  const sameFact = score >= (demanding ? CONFLICT_THRESHOLD : SAME_FACT_THRESHOLD);
  return { sameFact, conflict: sameFact && figure.relation === "incompatible", score, reasons };
}

type FigureRelation = "unknown" | "close" | "compatible" | "far apart" | "incompatible";

function figureRelation(a: FigureInterval | null, b: FigureInterval | null): { relation: FigureRelation; reason: CodedMessage } {
  if (!a || !b) return { relation: "unknown", reason: reason("libGrouping.reason.figureNotComparable") };
  const both = { a: formatInterval(a.stated), b: formatInterval(b.stated) };
  if (!compatible(a, b)) return { relation: "incompatible", reason: reason("libGrouping.reason.figuresIncompatible", both) };
  const ratio = magnitudeRatio(a, b);
  if (ratio !== null && ratio <= CLOSE_RATIO) return { relation: "close", reason: reason("libGrouping.reason.figuresAgree", both) };
  if (ratio !== null && ratio > FAR_RATIO) return { relation: "far apart", reason: reason("libGrouping.reason.figuresFarApart", both) };
  return { relation: "compatible", reason: reason("libGrouping.reason.figuresCompatible", both) };
}

export function compareClaims(a: GroupingClaim, b: GroupingClaim): SameFactDecision {
  return comparePrepared(prepareClaim(a), prepareClaim(b));
}
