import { toSchemaOrgRating } from "@/lib/review/rating-scale";
import type { ExportContext, ExportFormat, Publisher } from "./export-format";
import { articlePageUrl, claimPageUrl } from "./export-links";
import { claimStatement } from "./claim-statement";
import { countWithStaleLines, writeFromStoredLines, type StoredLines } from "./export-lines";
import { exportRowBatches, type ExportRow } from "./export-rows";
import { jsonEscape } from "./line-placeholders";

export const SCHEMA_ORG_CONTEXT = "https://schema.org";

type Links = Pick<ExportContext, "baseUrl" | "publisher">;

const defaultPublisher = (baseUrl: string): Publisher => ({ name: "Derek", url: baseUrl });

/**
 * One verified claim as a schema.org ClaimReview, with the fields Google's fact-check markup asks
 * for: claimReviewed, reviewRating (from the newsroom's one rating scale), url, author, and the
 * recommended datePublished and itemReviewed (the Claim, who made it, and the article it appears
 * in).
 */
export function toClaimReview(row: ExportRow, links: Links) {
  if (!row.rating) throw new Error(`Claim ${row.id} has no verdict; ClaimReview holds verified claims only`);
  const publisher = links.publisher ?? defaultPublisher(links.baseUrl);
  const outlet = row.outlet ? { "@type": "Organization", name: row.outlet } : undefined;
  return {
    "@type": "ClaimReview",
    url: claimPageUrl(links.baseUrl, row.id),
    // The editor's statement, else the sentence holding the quote (lib/export/claim-statement.ts).
    claimReviewed: claimStatement({
      statement: row.statement,
      quote: row.quote,
      start: row.start,
      window: row.sentenceWindow != null ? { text: row.sentenceWindow, start: row.sentenceWindowStart ?? 0 } : null,
    }),
    // When the review was published: the approval that made the claim verified.
    datePublished: row.approvedAt ?? undefined,
    author: { "@type": "Organization", name: publisher.name, url: publisher.url },
    reviewRating: toSchemaOrgRating(row.rating),
    itemReviewed: {
      "@type": "Claim",
      // Derek records the claimant's name but not whether it is a person or a body; a named
      // claimant is written as a Person. Without one, the claim is the outlet's own.
      author: row.claimant ? { "@type": "Person", name: row.claimant } : outlet,
      // The claim entered public discourse when the article carrying it was published (the
      // claim's eventDate is the date of what the figure describes, not of the statement).
      datePublished: row.articlePublishedAt ?? undefined,
      appearance: {
        "@type": "CreativeWork",
        url: row.articleUrl ?? articlePageUrl(links.baseUrl, row.articleId),
        headline: row.articleTitle,
        datePublished: row.articlePublishedAt ?? undefined,
        inLanguage: row.articleLanguage,
        publisher: outlet,
      },
    },
  };
}

/**
 * The file: one JSON-LD document whose @graph holds the reviews, one per line. Each line after
 * the first starts with the comma that separates it from the one before, so every review ends
 * with a line break and nothing else does: the line count is the review count, and the document
 * is whole JSON only once the last line ("]}") has arrived.
 */
export async function* renderClaimReviews(batches: AsyncIterable<ExportRow[]>, context: Links & Pick<ExportContext, "onClaim">): AsyncGenerator<string> {
  yield CLAIM_REVIEWS_OPENING;
  let first = true;
  for await (const rows of batches) {
    let chunk = "";
    for (const row of rows) {
      chunk += (first ? "" : ",") + JSON.stringify(toClaimReview(row, context)) + "\n";
      first = false;
      context.onClaim();
    }
    yield chunk;
  }
  yield "]}";
}

const CLAIM_REVIEWS_OPENING = `{"@context":${JSON.stringify(SCHEMA_ORG_CONTEXT)},"@graph":[`;

/** Each claim's review as one line of JSON (without its separating comma and line break), stored (lib/export/export-lines.ts). */
export const CLAIM_REVIEW_LINES: StoredLines = {
  table: "ClaimExportClaimReviewLine",
  uses: ["origin", "publisherName", "publisherUrl"],
  rowOptions: { withSentenceWindow: true },
  render: (row, links) => JSON.stringify(toClaimReview(row, { baseUrl: links.origin, publisher: { name: links.publisherName, url: links.publisherUrl } })),
  escape: jsonEscape,
  accepts: () => true,
};

/** The file written from every claim's row: the reference the stored lines are held to, and the way for links they cannot hold. */
export const renderClaimReviewsFromRows = (context: ExportContext) =>
  renderClaimReviews(exportRowBatches(context.client, context.filter, CLAIM_REVIEW_LINES.rowOptions), context);

const writeClaimReviews = (context: ExportContext) =>
  writeFromStoredLines(context, CLAIM_REVIEW_LINES, {
    opening: CLAIM_REVIEWS_OPENING,
    closing: "]}",
    between: ",",
    after: "\n",
    fromRows: () => renderClaimReviewsFromRows(context),
  });

export const claimReviewFormat: ExportFormat = {
  id: "claimreview",
  label: "ClaimReview (schema.org JSON-LD)",
  contentType: "application/ld+json; charset=utf-8",
  extension: "claimreview.jsonld",
  verdictsOnly: true,
  write: writeClaimReviews,
  count: (client, filter) => countWithStaleLines(client, CLAIM_REVIEW_LINES, filter),
};
