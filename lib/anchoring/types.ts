/**
 * How a claim is stored: W3C Web Annotation TextPositionSelector (`start`/`end`, UTF-16 offsets
 * into the article's plain text) plus TextQuoteSelector (`quote` with up to CONTEXT_LENGTH
 * characters of `prefix` and `suffix`).
 */
export interface TextSelector {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/** A claim's selector as stored, with whether it was found in the text it was last checked against. */
export interface StoredAnchor extends TextSelector {
  /** Offsets of an orphan point into an older text than the one being edited. Unknown counts as anchored. */
  anchorStatus?: "ANCHORED" | "ORPHANED";
}

/** A place in the new text the claim could belong to, with the evidence for it. */
export interface ScoredCandidate {
  start: number;
  end: number;
  /** 1 − edit distance / quote length. */
  quoteSimilarity: number;
  prefixSimilarity: number;
  suffixSimilarity: number;
  /** Mean of prefix and suffix similarity. */
  context: number;
  /** Weighted overall score in [0, 1]; what candidates are ranked by. */
  score: number;
}

export type AnchorResult =
  | {
      /** exact: same offsets; moved: same words elsewhere; fuzzy: slightly different words. */
      status: "exact" | "moved" | "fuzzy";
      start: number;
      end: number;
      score: number;
    }
  | {
      /**
       * Offsets are null on purpose so a caller cannot draw an orphan's highlight over whatever
       * now sits at its old offsets.
       */
      status: "orphaned";
      start: null;
      end: null;
      score: number;
      /**
       * The best place found when its context clearly matches but its words changed too much to
       * re-attach on our own (e.g. a number's qualifier was edited); for a human to confirm.
       */
      suggestion?: { start: number; end: number; score: number };
    };
