import { jsonlFormat } from "@/lib/backup/jsonl-format";
import { claimReviewFormat } from "./claimreview";
import { csvFormat } from "./csv";
import type { ExportFormat } from "./export-format";
import { webAnnotationFormat } from "./web-annotation";

/** Every format an export can be written in; lib/export/export-choices.ts offers the same ones in the browser. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [csvFormat, claimReviewFormat, jsonlFormat, webAnnotationFormat];

export function findExportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.id === id);
}
