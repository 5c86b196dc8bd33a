import { ImportError } from "./import-error";

const BOM = "\uFEFF";

/**
 * Bytes of a text file to the string that is stored. Only UTF-8 is accepted: Kazakh files in
 * Windows-1251 or KZ-1048 decode to plausible-looking but wrong letters under any guess, so they
 * are refused with a way to fix them rather than stored garbled.
 *
 * The text is otherwise kept as given, with no Unicode normalisation: claim offsets index into the
 * stored text, and NFC would silently change lengths (a decomposed "й" is two code units, the
 * composed one is one). Only a leading BOM is dropped and line endings become "\n", because the
 * document model has one kind of line break and a "\r" would show as part of the text.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) {
    throw new ImportError("binary", "libImport.binary");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ImportError("not_utf8", "libImport.notUtf8");
  }
  return normalizeLineEndings(text.startsWith(BOM) ? text.slice(BOM.length) : text);
}

/** CRLF (Windows) and lone CR (old Mac) both become LF. Pasted text goes through this as well. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
