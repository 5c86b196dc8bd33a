/**
 * The newsroom's verdicts and how they read as schema.org ClaimReview ratings
 * (https://schema.org/ClaimReview, reviewRating: a Rating). The export engineers build
 * `reviewRating` from `toSchemaOrgRating` and nothing else, so a verdict reads the same in the
 * workbench, in the history and in what is published.
 *
 * The scale is 1 (false) to 5 (true), the direction fact-check aggregators expect. Four verdicts
 * carry a number:
 *   TRUE 5, MOSTLY_TRUE 4, MISLEADING 2, FALSE 1.
 * MISLEADING is 2, not the midpoint 3: a misleading figure (a real number framed to give a false
 * impression) leaves the reader believing something untrue, so it sits on the false side. A
 * consumer that reads 3 as "half true" would overstate it. 3 stays unused on purpose.
 *
 * UNVERIFIABLE carries no number at all (only alternateName): it is not a degree of truth but the
 * absence of a verdict on truth. Any number would be averaged into aggregate scores as if it were
 * one ("3 = half true"), and schema.org's ratingValue, bestRating and worstRating are meant for
 * numeric ratings only, while alternateName (Google's "textualRating") is the rating every
 * ClaimReview must have.
 */

export const RATINGS = ["TRUE", "MOSTLY_TRUE", "MISLEADING", "FALSE", "UNVERIFIABLE"] as const;
export type Rating = (typeof RATINGS)[number];

export const BEST_RATING = 5;
export const WORST_RATING = 1;

interface Verdict {
  /** schema.org alternateName, in English: what a reader of the published review sees. */
  alternateName: string;
  /** How the verdict reads inside a sentence of the workbench ("approved: mostly true"). */
  label: string;
  ratingValue: number | null;
}

export const VERDICTS: Readonly<Record<Rating, Verdict>> = {
  TRUE: { alternateName: "True", label: "true", ratingValue: 5 },
  MOSTLY_TRUE: { alternateName: "Mostly true", label: "mostly true", ratingValue: 4 },
  MISLEADING: { alternateName: "Misleading", label: "misleading", ratingValue: 2 },
  FALSE: { alternateName: "False", label: "false", ratingValue: 1 },
  UNVERIFIABLE: { alternateName: "Unverifiable", label: "unverifiable", ratingValue: null },
};

export type SchemaOrgRating =
  | { "@type": "Rating"; ratingValue: number; bestRating: typeof BEST_RATING; worstRating: typeof WORST_RATING; alternateName: string }
  | { "@type": "Rating"; alternateName: string };

/** A verdict as the `reviewRating` of a schema.org ClaimReview. */
export function toSchemaOrgRating(rating: Rating): SchemaOrgRating {
  const verdict = VERDICTS[rating];
  if (verdict.ratingValue === null) return { "@type": "Rating", alternateName: verdict.alternateName };
  return { "@type": "Rating", ratingValue: verdict.ratingValue, bestRating: BEST_RATING, worstRating: WORST_RATING, alternateName: verdict.alternateName };
}

/**
 * The verdict a numeric ratingValue stands for, for reading a ClaimReview back; null for a value
 * no verdict carries (3, or anything off the scale), rather than a guess at the nearest one.
 */
export function ratingFromValue(ratingValue: number): Rating | null {
  return RATINGS.find((rating) => VERDICTS[rating].ratingValue === ratingValue) ?? null;
}

export function isRating(value: unknown): value is Rating {
  return typeof value === "string" && (RATINGS as readonly string[]).includes(value);
}
