import { keptBesideRewrittenText } from "./beside-rewritten";
import { EditMap } from "./edit-map";
import { exactOccurrences, fuzzyOccurrences, type RawCandidate } from "./candidates";
import { sameNumbers } from "./numbers";
import { bestAndRival, scoreCandidate } from "./score";
import {
  AMBIGUITY_MARGIN,
  FAR_MIN_CONTEXT,
  FUZZY_MIN_QUOTE_SIMILARITY,
  MIN_CONTEXT,
  MIN_FUZZY_QUOTE_LENGTH,
  MIN_SIDE_CONTEXT,
  NEAR_DISTANCE,
  SELF_EVIDENT_QUOTE_LENGTH,
  SUGGESTION_MIN_CONTEXT,
} from "./thresholds";
import type { AnchorResult, ScoredCandidate, StoredAnchor, TextSelector } from "./types";
import { keepsWordEdges } from "./words";

/**
 * Finds a stored claim again in an article's edited plain text when the text it was anchored in
 * is not at hand: (a) same offsets, (b) the exact quote elsewhere, (c) an approximate quote, else
 * (d) orphaned. Every stage refuses rather than guesses: when the text cannot tell two places
 * apart, or a short quote has lost its context, the claim is orphaned for a human to re-link.
 */
export function reanchor(text: string, selector: TextSelector): AnchorResult {
  const { quote } = selector;
  if (!quote) return orphaned(0);

  // (a) The common case after an edit elsewhere in the article. Same offsets are the smallest-edit
  // reading of the change, so this wins even over an identical copy of the sentence nearby.
  if (text.slice(selector.start, selector.end) === quote && keepsWordEdges(text, selector.start, selector.end, selector)) {
    const here = scoreCandidate(text, selector, selector.start, selector.end, 0);
    if (trusted(here, selector)) return placed("exact", here, selector);
  }
  return search(text, selector);
}

/**
 * Re-anchors every claim of one article against its new text. Given the text the claims were
 * anchored in, the edit between the two decides first: a claim whose characters it left alone
 * keeps exactly those characters, whatever happened around them, and only a claim whose own
 * words were edited is looked for by its quote and context (stages b–d of reanchor). Without
 * it, every claim is looked for as reanchor does.
 */
export function reanchorAll(text: string, anchors: readonly StoredAnchor[], previousText?: string): AnchorResult[] {
  if (previousText === undefined) return anchors.map((anchor) => reanchor(text, anchor));
  const edit = new EditMap(previousText, text);
  return anchors.map((anchor) => throughEdit(edit, anchor));
}

function throughEdit(edit: EditMap, anchor: StoredAnchor): AnchorResult {
  const { quote, start, end } = anchor;
  // An orphan's offsets point into an older text, and a selector that does not match the previous
  // text (never expected) says nothing about this edit: both are looked for as before.
  if (!quote || anchor.anchorStatus === "ORPHANED" || edit.oldText.slice(start, end) !== quote) {
    return reanchor(edit.newText, anchor);
  }
  const keepsWords = (range: { start: number; end: number }) => keepsWordEdges(edit.newText, range.start, range.end, anchor);
  const kept = edit.map(start, end, keepsWords) ?? keptBesideRewrittenText(edit, anchor, keepsWords);
  if (kept) return placed("exact", scoreCandidate(edit.newText, anchor, kept.start, kept.end, 0), anchor);
  // Its own words were edited. Look for them near where the edit put their old place, which is
  // better evidence of where they went than the old offsets are; same offsets prove nothing here.
  const expected = edit.approximate(start);
  const found = search(edit.newText, { ...anchor, start: expected, end: expected + quote.length });
  if (found.status === "exact" || found.status === "moved") {
    return { ...found, status: found.start === start && found.end === end ? "exact" : "moved" };
  }
  return found;
}

/** Stages (b)–(d) of reanchor. */
function search(text: string, selector: TextSelector): AnchorResult {
  const { quote } = selector;

  // (b) The exact words somewhere else.
  const exact = score(text, selector, exactOccurrences(text, quote).filter((c) => keepsWordEdges(text, c.start, c.end, selector)));
  const fromExact = decide(exact, selector);
  if (fromExact) return placed(fromExact.start === selector.start ? "exact" : "moved", fromExact, selector);

  // (c) Slightly different words. The exact occurrences stay in the running so that an exact
  // copy elsewhere still counts as a rival of an edited original.
  if (quote.length < MIN_FUZZY_QUOTE_LENGTH) return orphaned(bestScore(exact));
  const fuzzy = [
    ...exact,
    ...score(text, selector, fuzzyOccurrences(text, selector)).filter((c) => c.quoteSimilarity < 1),
  ];
  const { best, rival } = bestAndRival(fuzzy);
  if (!best) return orphaned(0);
  const clear = !rival || best.score - rival.score >= AMBIGUITY_MARGIN;
  const sameFacts = sameNumbers(quote, text.slice(best.start, best.end));
  if (
    clear &&
    sameFacts &&
    best.quoteSimilarity >= FUZZY_MIN_QUOTE_SIMILARITY &&
    trusted(best, selector)
  ) {
    return placed(best.quoteSimilarity === 1 ? "moved" : "fuzzy", best, selector);
  }

  // (d) Orphaned. If the place itself is unmistakable, say where it probably went.
  const suggest = clear && best.context >= SUGGESTION_MIN_CONTEXT;
  return orphaned(best.score, suggest ? best : undefined);
}

function score(text: string, selector: TextSelector, raw: RawCandidate[]): ScoredCandidate[] {
  return raw.map((c) => scoreCandidate(text, selector, c.start, c.end, c.errors));
}

function decide(candidates: ScoredCandidate[], selector: TextSelector): ScoredCandidate | undefined {
  const { best, rival } = bestAndRival(candidates);
  if (!best || !trusted(best, selector)) return undefined;
  if (rival && best.score - rival.score < AMBIGUITY_MARGIN) return undefined;
  return best;
}

/**
 * Whether the evidence is enough to put the claim at this candidate (ambiguity aside). Near the
 * old place a long exact quote speaks for itself and a short or inexact one needs its context;
 * far from it, where a repeated phrase is the likelier explanation, everything needs its context
 * nearly intact. See the thresholds for the numbers.
 */
function trusted(c: ScoredCandidate, selector: TextSelector): boolean {
  const sides = Math.min(c.prefixSimilarity, c.suffixSimilarity);
  if (Math.abs(c.start - selector.start) > NEAR_DISTANCE) {
    return c.context >= FAR_MIN_CONTEXT && sides >= MIN_SIDE_CONTEXT;
  }
  if (c.quoteSimilarity === 1 && selector.quote.length >= SELF_EVIDENT_QUOTE_LENGTH) return true;
  return c.context >= MIN_CONTEXT && sides >= MIN_SIDE_CONTEXT;
}

function placed(
  status: "exact" | "moved" | "fuzzy",
  candidate: ScoredCandidate,
  selector: TextSelector,
): AnchorResult {
  const sameRange = candidate.start === selector.start && candidate.end === selector.end;
  return {
    status: status === "exact" && !sameRange ? "moved" : status,
    start: candidate.start,
    end: candidate.end,
    score: round(candidate.score),
  };
}

function orphaned(score: number, suggestion?: ScoredCandidate): AnchorResult {
  return {
    status: "orphaned",
    start: null,
    end: null,
    score: round(score),
    ...(suggestion
      ? { suggestion: { start: suggestion.start, end: suggestion.end, score: round(suggestion.score) } }
      : {}),
  };
}

function bestScore(candidates: ScoredCandidate[]): number {
  return candidates.reduce((max, c) => Math.max(max, c.score), 0);
}

/** Scores are for display and logs; three decimals keep them readable and stable in snapshots. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
