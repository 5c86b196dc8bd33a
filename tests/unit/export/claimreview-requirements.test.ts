import { describe, expect, it } from "vitest";
import { checkClaimReview, checkClaimReviewDocument } from "../../support/claimreview-requirements";

const valid = {
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: "https://example.kz/fact/1",
  claimReviewed: "Жер шарының жалпақ екені",
  author: { "@type": "Organization", name: "Example Fact Check" },
  datePublished: "2026-03-01",
  reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
  itemReviewed: {
    "@type": "Claim",
    author: { "@type": "Person", name: "Біреу" },
    datePublished: "2026-02-20",
    appearance: { "@type": "CreativeWork", url: "https://news.example.kz/a/1" },
  },
};

const errorsOf = (node: unknown, options = {}) => checkClaimReview(node, options).errors.map((e) => e.path);
const warningsOf = (node: unknown) => checkClaimReview(node).warnings.map((w) => w.path);

describe("Google's ClaimReview requirements (the validator itself)", () => {
  it("accepts a complete review without a warning", () => {
    expect(checkClaimReview(valid)).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    ["no claim", { ...valid, claimReviewed: " " }, "claimReviewed"],
    ["a relative url", { ...valid, url: "/fact/1" }, "url"],
    ["no rating", { ...valid, reviewRating: undefined }, "reviewRating"],
    ["a rating without a verdict in words", { ...valid, reviewRating: { "@type": "Rating", ratingValue: 1 } }, "reviewRating.alternateName"],
    ["a decimal comma", { ...valid, reviewRating: { ...valid.reviewRating, ratingValue: "1,5" } }, "reviewRating.ratingValue"],
    ["a value off the scale", { ...valid, reviewRating: { ...valid.reviewRating, ratingValue: 6 } }, "reviewRating.ratingValue"],
    ["an upside-down scale", { ...valid, reviewRating: { ...valid.reviewRating, bestRating: 1, worstRating: 5 } }, "reviewRating.bestRating"],
    ["no author", { ...valid, author: undefined }, "author"],
    ["an author that is a string", { ...valid, author: "Example" }, "author"],
    ["an author without a name", { ...valid, author: { "@type": "Organization" } }, "author.name"],
    ["the rating as the claim", { ...valid, claimReviewed: "False" }, "claimReviewed"],
    ["another vocabulary", { ...valid, "@context": "https://example.org/vocab" }, "@context"],
    ["an appearance that is no link", { ...valid, itemReviewed: { ...valid.itemReviewed, appearance: { "@type": "CreativeWork" } } }, "itemReviewed.appearance"],
  ])("refuses %s", (_name, node, path) => {
    expect(errorsOf(node)).toContain(path);
  });

  it("refuses a url on another site than the page", () => {
    expect(errorsOf(valid, { pageUrl: "https://other.kz/" })).toEqual(["url"]);
    expect(errorsOf({ ...valid, url: "https://fact.example.kz/1" }, { pageUrl: "https://example.kz/" })).toEqual([]);
  });

  it("accepts a verdict in words alone, and warns about missing recommended fields", () => {
    expect(errorsOf({ ...valid, reviewRating: { "@type": "Rating", alternateName: "Unverifiable" } })).toEqual([]);
    expect(warningsOf({ ...valid, datePublished: undefined, itemReviewed: { "@type": "Claim" } })).toEqual([
      "datePublished",
      "itemReviewed.appearance",
      "itemReviewed.author",
      "itemReviewed.datePublished",
    ]);
  });

  it("holds one verdict per number across a document", () => {
    const report = checkClaimReviewDocument({
      "@context": "https://schema.org",
      "@graph": [valid, { ...valid, reviewRating: { ...valid.reviewRating, alternateName: "Pants on fire" } }],
    });
    expect(report.errors).toEqual([expect.objectContaining({ path: "[1].reviewRating" })]);
  });
});
