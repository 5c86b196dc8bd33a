import { dateOnly } from "@/lib/core/dates";

/**
 * The download's name, e.g. "derek-claims-2026-11-23.csv" or, for a saved set named
 * "Сайлау 2026", "derek-Сайлау-2026-2026-11-23.csv". The date is the export's day in UTC, as
 * Derek shows every time.
 */
export function exportFilename(options: { extension: string; setName?: string | null; at: Date }): string {
  const name = options.setName ? fileSafe(options.setName) : "";
  return `derek-${name || "claims"}-${dateOnly(options.at)}.${options.extension}`;
}

/** Letters of any script, digits and a few marks; runs of anything else become one dash. */
function fileSafe(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._]+/gu, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(0, 80);
}

/**
 * Content-Disposition for an attachment (RFC 6266): `filename` with an ASCII stand-in for old
 * clients, and `filename*` (RFC 5987, UTF-8) with the real name, which every current browser uses.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
