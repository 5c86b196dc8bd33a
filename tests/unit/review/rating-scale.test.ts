import { describe, expect, it } from "vitest";
import { RATINGS, ratingFromValue, toSchemaOrgRating } from "@/lib/review/rating-scale";

describe("verdicts as schema.org ClaimReview ratings", () => {
  it.each([
    ["TRUE", 5, "True"],
    ["MOSTLY_TRUE", 4, "Mostly true"],
    ["MISLEADING", 2, "Misleading"],
    ["FALSE", 1, "False"],
  ] as const)("%s reads as ratingValue %i on a 1–5 scale, named %s", (rating, ratingValue, alternateName) => {
    expect(toSchemaOrgRating(rating)).toEqual({ "@type": "Rating", ratingValue, bestRating: 5, worstRating: 1, alternateName });
  });

  it("gives UNVERIFIABLE a name but no number, so it is never averaged in as a degree of truth", () => {
    expect(toSchemaOrgRating("UNVERIFIABLE")).toEqual({ "@type": "Rating", alternateName: "Unverifiable" });
  });

  it("orders the numbered verdicts from true down to false", () => {
    const values = RATINGS.map((r) => toSchemaOrgRating(r)).flatMap((r) => ("ratingValue" in r ? [r.ratingValue] : []));
    expect(values).toEqual([5, 4, 2, 1]);
  });

  it("reads a ratingValue back to its verdict, and no verdict for a value none carries", () => {
    for (const rating of RATINGS) {
      const schemaOrg = toSchemaOrgRating(rating);
      if ("ratingValue" in schemaOrg) expect(ratingFromValue(schemaOrg.ratingValue)).toBe(rating);
    }
    expect(ratingFromValue(3)).toBeNull();
    expect(ratingFromValue(0)).toBeNull();
    expect(ratingFromValue(6)).toBeNull();
  });
});
