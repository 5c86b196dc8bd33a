import { prefixSimilarity, suffixSimilarity } from "./context-similarity";
import { WEIGHTS } from "./thresholds";
import type { ScoredCandidate, TextSelector } from "./types";

export function scoreCandidate(
  text: string,
  selector: TextSelector,
  start: number,
  end: number,
  errors: number,
): ScoredCandidate {
  const quoteSimilarity = selector.quote.length ? Math.max(0, 1 - errors / selector.quote.length) : 0;
  const prefix = prefixSimilarity(selector.prefix, text, start);
  const suffix = suffixSimilarity(selector.suffix, text, end);
  // Normalised by the text length (as Hypothesis does) so distance only ever tips near-ties.
  const position = 1 - Math.min(1, Math.abs(start - selector.start) / Math.max(1, text.length));
  return {
    start,
    end,
    quoteSimilarity,
    prefixSimilarity: prefix,
    suffixSimilarity: suffix,
    context: (prefix + suffix) / 2,
    score:
      WEIGHTS.quote * quoteSimilarity +
      WEIGHTS.prefix * prefix +
      WEIGHTS.suffix * suffix +
      WEIGHTS.position * position,
  };
}

/** The best candidate and the best one that is a genuinely different place (does not overlap it). */
export function bestAndRival(
  candidates: ScoredCandidate[],
): { best?: ScoredCandidate; rival?: ScoredCandidate } {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const best = sorted[0];
  const rival = best && sorted.find((c) => c.end <= best.start || c.start >= best.end);
  return { best, rival };
}
