import type { RecordCounting } from "./record-counter";

/**
 * The export formats as the browser offers them: what each is called and how its records are
 * counted for progress. Plain data with no server imports, so the export panel can use it;
 * lib/export/export-formats.ts holds the writers, and a unit test keeps the two lists the same.
 */
export interface ExportChoice {
  id: "claimreview" | "csv" | "jsonl" | "annotations";
  label: string;
  description: string;
  counting: RecordCounting;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  {
    id: "csv",
    label: "CSV (spreadsheet)",
    description: "One row per claim; opens in Excel, LibreOffice and Google Sheets with Kazakh letters intact.",
    counting: { quotedFields: true, headerLines: 1 },
  },
  {
    id: "claimreview",
    label: "ClaimReview (schema.org JSON-LD)",
    description: "The fact-check markup search engines read: one ClaimReview per verified claim.",
    counting: { quotedFields: false, headerLines: 0 },
  },
  {
    id: "jsonl",
    label: "JSON Lines",
    description: "Every claim with its article, sources, reviews and comments, one record per line, in Derek's backup format. A full backup (deleted claims too) is an admin's, under Backups.",
    // Articles, users and reviews have lines of their own; claims are the lines that begin so.
    counting: { quotedFields: false, headerLines: 0, claimLinePrefix: '{"type":"claim"' },
  },
  {
    id: "annotations",
    label: "Web Annotations (W3C JSON-LD)",
    description: "Each claim as an annotation on its article, with quote and position selectors.",
    counting: { quotedFields: false, headerLines: 0 },
  },
];

export type ExportFormatId = ExportChoice["id"];
