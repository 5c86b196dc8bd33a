import { randomUUID } from "node:crypto";
import { VERDICTS } from "@/lib/review/rating-scale";
import type { ExportContext, ExportFormat } from "./export-format";
import { articlePageUrl, claimPageUrl } from "./export-links";
import { readableDecimal } from "./readable-decimal";
import { countWithStaleLines, writeFromStoredLines, type StoredLines } from "./export-lines";
import { exportRowBatches, type ExportRow, type ExportSource } from "./export-rows";
import { jsonEscape } from "./line-placeholders";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * The code point offset of a UTF-16 offset into `text`. Derek stores offsets as JavaScript string
 * indexes (UTF-16 code units), while a W3C TextPositionSelector counts Unicode code points: the
 * two differ by one for every character outside the Basic Multilingual Plane (an emoji) before
 * the offset. Kazakh Cyrillic is all in the BMP, so for most articles they are equal.
 */
export function codePointOffset(text: string, utf16Offset: number): number {
  let points = 0;
  const limit = Math.min(utf16Offset, text.length);
  for (let i = 0; i < limit; i++) {
    // The low half of a pair belongs to the code point its high half already counted.
    if (isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue;
    points++;
  }
  return points;
}

function positions(row: ExportRow): { start: number; end: number } {
  if (!row.textUpToEnd) return { start: row.start, end: row.end };
  return { start: codePointOffset(row.textUpToEnd, row.start), end: codePointOffset(row.textUpToEnd, row.end) };
}

function figure(row: ExportRow): string | null {
  const [value, min, max] = [readableDecimal(row.value), readableDecimal(row.min), readableDecimal(row.max)];
  const amount = value ?? (min !== null || max !== null ? `${min ?? "…"}–${max ?? "…"}` : null);
  if (amount === null) return null;
  return [row.qualifier === "EXACT" ? null : row.qualifier.toLowerCase().replace("_", " "), amount, row.unit].filter(Boolean).join(" ");
}

/** A source as a linked body; the passage the claim rests on selects its words in that source. */
function sourceBody(source: ExportSource) {
  const resource = { type: "SpecificResource", purpose: "linking", source: source.url };
  return source.passage ? { ...resource, selector: { type: "TextQuoteSelector", exact: source.passage } } : resource;
}

/**
 * One claim as a W3C Web Annotation on its article's text in Derek: the motivation is
 * "assessing" (a verdict on the quoted words), the verdict, figure and category are textual
 * bodies, the sources are linked bodies, and the target names the words twice — by quote with
 * its context (TextQuoteSelector, which survives edits) and by position (TextPositionSelector,
 * exact for the text as exported).
 */
export function toWebAnnotation(row: ExportRow, baseUrl: string) {
  const body: object[] = [];
  if (row.rating)
    body.push({ type: "TextualBody", purpose: "assessing", value: VERDICTS[row.rating].alternateName, format: "text/plain", language: "en" });
  const amount = figure(row);
  if (amount) body.push({ type: "TextualBody", purpose: "describing", value: amount, format: "text/plain" });
  body.push({ type: "TextualBody", purpose: "classifying", value: row.category, format: "text/plain" });
  if (row.note) body.push({ type: "TextualBody", purpose: "commenting", value: row.note, format: "text/plain" });
  body.push(...row.sources.map(sourceBody));
  const { start, end } = positions(row);
  return {
    id: `urn:uuid:${row.id}`,
    type: "Annotation",
    motivation: "assessing",
    created: row.createdAt,
    modified: row.updatedAt,
    creator: { type: "Person", name: row.authorName },
    // The claim's page in Derek, where the annotation can be read with its review history.
    via: claimPageUrl(baseUrl, row.id),
    body,
    target: {
      // The selectors address Derek's plain text of the article (its current revision), which is
      // what Derek serves at this address; the publisher's page, when known, is where it came from.
      source: {
        id: articlePageUrl(baseUrl, row.articleId),
        type: "Text",
        language: row.articleLanguage,
        ...(row.articleUrl ? { via: row.articleUrl } : {}),
      },
      selector: [
        { type: "TextQuoteSelector", exact: row.quote, prefix: row.prefix, suffix: row.suffix },
        { type: "TextPositionSelector", start, end },
      ],
    },
  };
}

/** The collection and its first page, both left open for the annotations. */
function collectionOpening(context: Pick<ExportContext, "total" | "exportId">): string {
  const id = `urn:uuid:${context.exportId ?? randomUUID()}`;
  const collection = {
    "@context": ANNOTATION_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: "Claims exported from Derek",
    ...(context.total !== undefined ? { total: context.total } : {}),
  };
  const page = JSON.stringify({ id: `${id}#page-1`, type: "AnnotationPage", startIndex: 0 });
  // The page's items and the closing braces come after the claims.
  return `${JSON.stringify(collection).slice(0, -1)},"first":${page.slice(0, -1)},"items":[`;
}

/**
 * The file: an AnnotationCollection whose first (and only) page holds the annotations, one per
 * line, each line after the first starting with its separating comma, so that each annotation
 * ends with a line break and nothing else does.
 */
export async function* renderWebAnnotations(
  batches: AsyncIterable<ExportRow[]>,
  context: Pick<ExportContext, "baseUrl" | "onClaim" | "total" | "exportId">,
): AsyncGenerator<string> {
  yield collectionOpening(context);
  let first = true;
  for await (const rows of batches) {
    let chunk = "";
    for (const row of rows) {
      chunk += (first ? "" : ",") + JSON.stringify(toWebAnnotation(row, context.baseUrl)) + "\n";
      first = false;
      context.onClaim();
    }
    yield chunk;
  }
  yield "]}}";
}

/** Each claim's annotation as one line of JSON (without its separating comma and line break), stored (lib/export/export-lines.ts). */
export const ANNOTATION_LINES: StoredLines = {
  table: "ClaimExportAnnotationLine",
  uses: ["origin"],
  rowOptions: { withTextUpToEnd: true },
  render: (row, links) => JSON.stringify(toWebAnnotation(row, links.origin)),
  escape: jsonEscape,
  accepts: () => true,
};

/** The file written from every claim's row: the reference the stored lines are held to, and the way for links they cannot hold. */
export const renderWebAnnotationsFromRows = (context: ExportContext) =>
  renderWebAnnotations(exportRowBatches(context.client, context.filter, ANNOTATION_LINES.rowOptions), context);

const writeWebAnnotations = (context: ExportContext) =>
  writeFromStoredLines(context, ANNOTATION_LINES, {
    opening: collectionOpening(context),
    closing: "]}}",
    between: ",",
    after: "\n",
    fromRows: () => renderWebAnnotationsFromRows(context),
  });

export const webAnnotationFormat: ExportFormat = {
  id: "annotations",
  label: "Web Annotations (W3C JSON-LD)",
  contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  extension: "annotations.jsonld",
  write: writeWebAnnotations,
  count: (client, filter) => countWithStaleLines(client, ANNOTATION_LINES, filter),
};
