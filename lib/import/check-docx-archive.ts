import yauzl from "yauzl";
import { ImportError } from "./import-error";
import { DOCX_RATIO_CHECKED_ABOVE_BYTES, formatBytes, MAX_DOCX_PART_RATIO, MAX_DOCX_PARTS, MAX_DOCX_UNPACKED_BYTES } from "./limits";

const unreadable = () =>
  new ImportError("unreadable_docx", "libImport.unreadableDocx");

/**
 * Reads only the zip's central directory (nothing is inflated) and refuses a .docx that would
 * unpack to more than the limit in total, or has a large part compressed beyond any real
 * document's ratio: a zip bomb is refused in the time it takes to list its parts.
 *
 * The directory's sizes are what the file claims; a part that inflates to more than it declares
 * is still caught by the conversion worker's memory limit.
 */
export async function checkDocxArchive(bytes: Uint8Array): Promise<void> {
  const entries = await listEntries(bytes);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > DOCX_RATIO_CHECKED_ABOVE_BYTES && ratio > MAX_DOCX_PART_RATIO) {
      throw new ImportError("too_complex", "libImport.limits.docxRatio", {
        params: { compressed: formatBytes(entry.compressedSize), size: formatBytes(entry.uncompressedSize) },
      });
    }
  }
  if (total > MAX_DOCX_UNPACKED_BYTES) {
    throw new ImportError("too_complex", "libImport.limits.docxUnpacked", { params: { size: formatBytes(total), limit: formatBytes(MAX_DOCX_UNPACKED_BYTES) } });
  }
}

interface EntrySizes {
  uncompressedSize: number;
  compressedSize: number;
}

function listEntries(bytes: Uint8Array): Promise<EntrySizes[]> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return reject(unreadable());
      const entries: EntrySizes[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entries.length === MAX_DOCX_PARTS) {
          zip.close();
          return reject(new ImportError("too_complex", "libImport.limits.docxParts", { params: { max: MAX_DOCX_PARTS.toLocaleString("en") } }));
        }
        entries.push({ uncompressedSize: entry.uncompressedSize, compressedSize: entry.compressedSize });
        zip.readEntry();
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", () => reject(unreadable()));
      zip.readEntry();
    });
  });
}
