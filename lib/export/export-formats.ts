import { claimReviewFormat } from "./claimreview";
import { csvFormat } from "./csv";
import type { ExportFormat } from "./export-format";
import { webAnnotationFormat } from "./web-annotation";

/**
 * Every format an export can be written in. The JSON Lines backup format (lib/backup/jsonl-format.ts)
 * joins this table, and lib/export/export-choices.ts, once it exists.
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [csvFormat, claimReviewFormat, webAnnotationFormat];

export function findExportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.id === id);
}
