import Papa from "papaparse";
import { VERDICTS } from "@/lib/review/rating-scale";
import type { ExportContext, ExportFormat } from "./export-format";
import { countWithStaleLines, writeFromStoredLines, type StoredLines } from "./export-lines";
import { articlePageUrl, claimPageUrl } from "./export-links";
import { readableDecimal } from "./readable-decimal";
import { exportRowBatches, type ExportRow, type ExportSource } from "./export-rows";
import { csvAccepts } from "./line-placeholders";

interface Column {
  header: string;
  value(row: ExportRow, baseUrl: string): string | number | null;
  /** Words someone typed or quoted (rather than ids, enums, dates and figures Derek wrote). */
  typed?: boolean;
}

const sourceLine = (source: ExportSource) =>
  `${source.stance.toLowerCase()}: ${source.title ? `${source.title} ` : ""}${source.url}`;

/** The columns, in order. Headers are stable identifiers, for the formulas and scripts built on them. */
export const CSV_COLUMNS: readonly Column[] = [
  { header: "claim_id", value: (row) => row.id },
  { header: "claim_url", value: (row, baseUrl) => claimPageUrl(baseUrl, row.id) },
  { header: "status", value: (row) => row.status },
  { header: "verdict", value: (row) => (row.rating ? VERDICTS[row.rating].alternateName : null) },
  { header: "rating_value", value: (row) => (row.rating ? VERDICTS[row.rating].ratingValue : null) },
  { header: "verified_at", value: (row) => row.approvedAt },
  { header: "verified_by", value: (row) => row.approvedBy, typed: true },
  { header: "quote", value: (row) => row.quote, typed: true },
  { header: "claimant", value: (row) => row.claimant, typed: true },
  { header: "category", value: (row) => row.category },
  { header: "value", value: (row) => readableDecimal(row.value) },
  { header: "min", value: (row) => readableDecimal(row.min) },
  { header: "max", value: (row) => readableDecimal(row.max) },
  { header: "unit", value: (row) => row.unit, typed: true },
  { header: "qualifier", value: (row) => row.qualifier },
  { header: "event_date", value: (row) => row.eventDate },
  { header: "note", value: (row) => row.note, typed: true },
  { header: "sources", value: (row) => row.sources.map(sourceLine).join("\n") || null, typed: true },
  { header: "article_title", value: (row) => row.articleTitle, typed: true },
  { header: "outlet", value: (row) => row.outlet, typed: true },
  { header: "article_url", value: (row, baseUrl) => row.articleUrl ?? articlePageUrl(baseUrl, row.articleId), typed: true },
  { header: "article_published", value: (row) => row.articlePublishedAt },
  { header: "start", value: (row) => row.start },
  { header: "end", value: (row) => row.end },
  { header: "anchor_status", value: (row) => row.anchorStatus },
  { header: "author", value: (row) => row.authorName, typed: true },
  { header: "group_id", value: (row) => row.groupId },
  { header: "created_at", value: (row) => row.createdAt },
  { header: "updated_at", value: (row) => row.updatedAt },
  // Last, so scripts that read columns by position keep working.
  { header: "statement", value: (row) => row.statement, typed: true },
];

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula,
 * so quoted text such as "=HYPERLINK(…)" could act when a colleague opens the file (OWASP "CSV
 * injection"). Such text gets a leading apostrophe, which spreadsheets read as "this is text".
 * Only typed text is guarded: Derek's own figures keep their minus sign ("-3.5" stays a number).
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}

// RFC 4180 quoting (fields with a comma, a quote, a line break or edge spaces are quoted, inner
// quotes doubled) is papaparse's; CRLF ends a record, as spreadsheet programs expect. Formula
// guarding stays ours (guardFormula above): papaparse's escapeFormulae would also turn Derek's
// negative figures into text.
const UNPARSE = { newline: "\r\n", header: false, skipEmptyLines: false } as const;

function csvRecord(row: ExportRow, baseUrl: string): (string | null)[] {
  return CSV_COLUMNS.map((column) => {
    const value = column.value(row, baseUrl);
    if (value === null) return null;
    return column.typed ? guardFormula(String(value)) : String(value);
  });
}

/** Records as CSV text, each ended by CRLF. */
export function csvLines(records: (string | null)[][]): string {
  return records.length === 0 ? "" : `${Papa.unparse(records, UNPARSE)}\r\n`;
}

const csvHeader = () => `\uFEFF${csvLines([CSV_COLUMNS.map((column) => column.header)])}`;

/**
 * The file: a UTF-8 byte-order mark (without it Excel reads the bytes as the local code page and
 * Kazakh letters turn to mojibake), a header row, then one record per claim.
 */
export async function* renderCsv(batches: AsyncIterable<ExportRow[]>, context: Pick<ExportContext, "baseUrl" | "onClaim">): AsyncGenerator<string> {
  yield csvHeader();
  for await (const rows of batches) {
    const records = rows.map((row) => csvRecord(row, context.baseUrl));
    for (let i = 0; i < rows.length; i++) context.onClaim();
    yield csvLines(records);
  }
}

/** Each claim's record, CRLF included, stored (lib/export/export-lines.ts). */
export const CSV_LINES: StoredLines = {
  table: "ClaimExportCsvLine",
  uses: ["origin"],
  rowOptions: {},
  render: (row, links) => csvLines([csvRecord(row, links.origin)]),
  escape: (value) => value,
  accepts: csvAccepts,
};

/** The file written from every claim's row: the reference the stored lines are held to, and the way for links they cannot hold. */
export const renderCsvFromRows = (context: ExportContext) => renderCsv(exportRowBatches(context.client, context.filter), context);

const writeCsv = (context: ExportContext) =>
  writeFromStoredLines(context, CSV_LINES, { opening: csvHeader(), closing: "", between: "", after: "", fromRows: () => renderCsvFromRows(context) });

export const csvFormat: ExportFormat = {
  id: "csv",
  label: "CSV (spreadsheet)",
  contentType: "text/csv; charset=utf-8",
  extension: "csv",
  write: writeCsv,
  count: (client, filter) => countWithStaleLines(client, CSV_LINES, filter),
};
