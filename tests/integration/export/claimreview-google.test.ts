import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { closeExportPool } from "@/lib/export/export-pool";
import { runExport } from "@/lib/export/run-export";
import { RATINGS } from "@/lib/review/rating-scale";
import { checkClaimReviewDocument } from "../../support/claimreview-requirements";
import { makeActor, seedArticle } from "../review/fixtures";
import { readAll, verifiedClaim } from "./fixtures";

const BASE = "https://factcheck.derek.example.kz";

let editor: Actor;
let reviewer: Actor;
let quotes: string[];

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@claimreview.test", "Айгүл");
  reviewer = await makeActor("REVIEWER", "reviewer@claimreview.test", "Марат");
  const withSource = await seedArticle("003_f112b8e6a601b618.txt");
  await db.article.update({
    where: { id: withSource.articleId },
    data: { outlet: "Азаттық", sourceUrl: "https://www.azattyq.org/a/31000000.html", publishedAt: new Date("2026-02-05") },
  });
  const bare = await seedArticle("000_cfd52a1e966a8c28.txt");
  // Every verdict, with and without a named claimant, on an article with and without its origin.
  quotes = ["5 жылға сотталған", "жүзден аса жүргізуші", "10 жылдан астам", "200-ге жуық жұмысшысы", "100 пайызға"];
  for (const [i, rating] of RATINGS.entries()) {
    await verifiedClaim(editor, reviewer, withSource, quotes[i], rating, i % 2 === 0 ? { claimant: "Атырау облысының әкімдігі" } : {});
  }
  const bareQuote = bare.text.match(/\d+[^\s.,]*\s+\S+/)![0];
  await verifiedClaim(editor, reviewer, bare, bareQuote, "FALSE");
});

afterAll(async () => {
  await closeExportPool();
});

describe("ClaimReview export against Google's fact-check requirements", () => {
  it("meets every requirement for every verdict", async () => {
    const run = await runExport({ actor: editor, format: "claimreview", filter: {}, baseUrl: BASE, publisher: { name: "Derek тексеру тобы", url: BASE } });
    const document = JSON.parse((await readAll(run.stream)).toString("utf8"));
    const report = checkClaimReviewDocument(document, { pageUrl: BASE });
    expect(report.reviews).toBe(RATINGS.length + 1);
    expect(report.errors).toEqual([]);
    // On the article whose origin and date Derek knows, the recommended fields are all there too.
    const complete = document["@graph"].flatMap((review: { itemReviewed: { appearance: { url: string } } }, index: number) =>
      review.itemReviewed.appearance.url.startsWith("https://www.azattyq.org/") ? [index] : [],
    );
    expect(complete).toHaveLength(RATINGS.length);
    const onComplete = report.warnings.filter((w) => complete.includes(Number(w.path.match(/^\[(\d+)\]/)![1])));
    expect(onComplete.filter((w) => !w.path.endsWith("claimReviewed"))).toEqual([]);
    expect(new Set(document["@graph"].map((r: { reviewRating: { alternateName: string } }) => r.reviewRating.alternateName))).toEqual(
      new Set(["True", "Mostly true", "Misleading", "False", "Unverifiable"]),
    );
  });

  it("names the sentence of the article that holds each quote as the claim reviewed", async () => {
    const run = await runExport({ actor: editor, format: "claimreview", filter: {}, baseUrl: BASE });
    const reviewed: string[] = JSON.parse((await readAll(run.stream)).toString("utf8"))["@graph"].map((r: { claimReviewed: string }) => r.claimReviewed);
    for (const quote of quotes) {
      const sentence = reviewed.find((text) => text.includes(quote));
      expect(sentence, quote).toBeDefined();
      expect(sentence!.length, quote).toBeGreaterThan(quote.length + 10);
    }
    for (const text of reviewed) expect(text.length).toBeLessThanOrEqual(280);
  });

  it("is checked by a validator that does catch what Google refuses", () => {
    const report = checkClaimReviewDocument({ "@context": "https://schema.org", "@graph": [{ "@type": "ClaimReview", reviewRating: { "@type": "Rating", ratingValue: 2 } }] });
    expect(report.errors.map((e) => e.path)).toEqual(["[0].claimReviewed", "[0].url", "[0].reviewRating.alternateName", "[0].author"]);
  });
});
