import { describe, expect, it } from "vitest";
import { renderClaimReviews, toClaimReview } from "@/lib/export/claimreview";
import { createRecordCounter } from "@/lib/export/record-counter";
import { collect } from "../../support/file-chunks";
import { batches, exportRow } from "./rows";

const LINKS = { baseUrl: "https://derek.example.kz", publisher: { name: "Azattyq Fact Check", url: "https://derek.example.kz" } };

describe("ClaimReview", () => {
  it("carries the claim, its verdict, its review page, the publisher and the article it appears in", () => {
    expect(toClaimReview(exportRow(), LINKS)).toEqual({
      "@type": "ClaimReview",
      url: "https://derek.example.kz/review/0195f3a0-0000-7000-8000-000000000001",
      claimReviewed: "63,3 пайыз",
      datePublished: "2026-03-22T10:30:00.000Z",
      author: { "@type": "Organization", name: "Azattyq Fact Check", url: "https://derek.example.kz" },
      reviewRating: { "@type": "Rating", ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: "Mostly true" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Орталық сайлау комиссиясы" },
        datePublished: "2026-03-20",
        appearance: {
          "@type": "CreativeWork",
          url: "https://www.azattyq.org/a/33000001.html",
          headline: "Сайлау қорытындысы",
          datePublished: "2026-03-20",
          inLanguage: "kk",
          publisher: { "@type": "Organization", name: "Azattyq" },
        },
      },
    });
  });

  it("rates an unverifiable claim by name only, with no number on the scale", () => {
    const review = JSON.parse(JSON.stringify(toClaimReview(exportRow({ rating: "UNVERIFIABLE" }), LINKS)));
    expect(review.reviewRating).toEqual({ "@type": "Rating", alternateName: "Unverifiable" });
  });

  it.each([
    ["TRUE", 5, "True"],
    ["MOSTLY_TRUE", 4, "Mostly true"],
    ["MISLEADING", 2, "Misleading"],
    ["FALSE", 1, "False"],
  ] as const)("rates %s as %i (%s)", (rating, value, name) => {
    expect(toClaimReview(exportRow({ rating }), LINKS).reviewRating).toMatchObject({ ratingValue: value, alternateName: name });
  });

  it("falls back to the outlet as the claim's author and to Derek's article page without a source URL", () => {
    const review = toClaimReview(exportRow({ claimant: null, articleUrl: null, articlePublishedAt: null }), LINKS);
    expect(review.itemReviewed.author).toEqual({ "@type": "Organization", name: "Azattyq" });
    expect(review.itemReviewed.appearance.url).toBe("https://derek.example.kz/articles/0195f3a0-0000-7000-8000-0000000000a1");
    expect(JSON.parse(JSON.stringify(review)).itemReviewed).not.toHaveProperty("datePublished");
  });

  it("names as the claim reviewed the editor's statement, else the sentence that holds the quote", () => {
    const text = "Сайлау өтті. Биыл сайлаушылардың 63,3 пайыз дауыс берді. ОСК хабарлады.";
    const start = text.indexOf("63,3 пайыз");
    const around = { start, end: start + 10, sentenceWindow: text, sentenceWindowStart: 0 };
    expect(toClaimReview(exportRow(around), LINKS).claimReviewed).toBe("Биыл сайлаушылардың 63,3 пайыз дауыс берді.");
    const statement = "ОСК: сайлауға сайлаушылардың 63,3 пайызы келді";
    expect(toClaimReview(exportRow({ ...around, statement, sentenceWindow: null }), LINKS).claimReviewed).toBe(statement);
  });

  it("refuses a claim without a verdict rather than writing a review without a rating", () => {
    expect(() => toClaimReview(exportRow({ rating: null, status: "SUBMITTED" }), LINKS)).toThrow(/no verdict/);
  });

  it("writes one JSON-LD document, one review per line, counted by line breaks", async () => {
    let claims = 0;
    const rows = [exportRow({ quote: "бірінші\nжол" }), exportRow({ rating: "FALSE" }), exportRow({ rating: "TRUE" })];
    const text = await collect(renderClaimReviews(batches(rows.slice(0, 1), rows.slice(1)), { ...LINKS, onClaim: () => void claims++ }));
    const document = JSON.parse(text);
    expect(document["@context"]).toBe("https://schema.org");
    expect(document["@graph"].map((r: { reviewRating: { alternateName: string } }) => r.reviewRating.alternateName)).toEqual(["Mostly true", "False", "True"]);
    expect(document["@graph"][0].claimReviewed).toBe("бірінші\nжол");
    expect(claims).toBe(3);
    const counter = createRecordCounter({ quotedFields: false, headerLines: 0 });
    counter.push(text);
    expect(counter.records).toBe(3);
  });

  it("writes a valid empty document for an empty set", async () => {
    const text = await collect(renderClaimReviews(batches(), { ...LINKS, onClaim: () => undefined }));
    expect(JSON.parse(text)).toEqual({ "@context": "https://schema.org", "@graph": [] });
  });
});
