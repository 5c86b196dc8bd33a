import { ImportError } from "./import-error";

const BOM = "\uFEFF";

/**
 * Bytes of a text file to the string that is stored. UTF-8 is read, and UTF-16 with a byte-order
 * mark (what Windows Notepad saves as "Unicode"), whose BOM says its byte order. Other encodings
 * are refused, by name where the bytes tell it: Kazakh files in Windows-1251 or KZ-1048 decode to
 * plausible-looking but wrong letters under any guess, so they are refused with a way to fix them
 * rather than stored garbled.
 *
 * The text is otherwise kept as given, with no Unicode normalisation: claim offsets index into the
 * stored text, and NFC would silently change lengths (a decomposed "й" is two code units, the
 * composed one is one). Only a leading BOM is dropped and line endings become "\n", because the
 * document model has one kind of line break and a "\r" would show as part of the text.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 === null ? bytes.includes(0) : utf16.includes("\0")) {
    if (utf16 === null) refuseUtf16WithoutBom(bytes);
    throw new ImportError("binary", "libImport.binary");
  }
  let text: string;
  try {
    text = utf16 ?? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    refuseCyrillicSingleByte(bytes);
    throw new ImportError("not_utf8", "libImport.notUtf8");
  }
  return normalizeLineEndings(text.startsWith(BOM) ? text.slice(BOM.length) : text);
}

type ByteOrder = "utf-16le" | "utf-16be";

/** The text of a file that starts with UTF-16's byte-order mark, or null for any other file. */
function decodeUtf16WithBom(bytes: Uint8Array): string | null {
  const [a, b, c, d] = bytes;
  // Checked first: UTF-32LE's mark starts with UTF-16LE's.
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    throw new ImportError("not_utf8", "libImport.utf32");
  }
  const order: ByteOrder | null = a === 0xff && b === 0xfe ? "utf-16le" : a === 0xfe && b === 0xff ? "utf-16be" : null;
  if (!order) return null;
  try {
    // An odd byte or a lone surrogate is an error under `fatal`, not a replacement character.
    return new TextDecoder(order, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ImportError("not_utf8", "libImport.badUtf16");
  }
}

/**
 * UTF-16 text saved without its mark: every NUL byte on one side of its pair (the high byte of a
 * space, a digit, a Latin letter), and the pairs decode to text with no control characters.
 * Binary files have NULs on both sides.
 */
function refuseUtf16WithoutBom(bytes: Uint8Array): void {
  if (looksLikeUtf16WithoutBom(bytes)) throw new ImportError("not_utf8", "libImport.utf16WithoutBom");
}

function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  if (bytes.length % 2 !== 0) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const order: ByteOrder | null = even === 0 ? "utf-16le" : odd === 0 ? "utf-16be" : null;
  if (!order) return false;
  try {
    return !/[\0-\x08\x0e-\x1f]/.test(new TextDecoder(order, { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
}

// Windows-1251 and KZ-1048 share the Russian letters at 0xC0–0xFF; KZ-1048 puts the Kazakh ones
// among 0x80–0xBF, where Windows-1251 has Serbian and Ukrainian letters. Read as Windows-1251, such
// a file's bytes above 0x7F are nearly all Cyrillic letters, and most of its letters are Cyrillic:
// a Latin-1 file ("café") has Latin letters mostly, its few accented ones read as Cyrillic. Nearly
// every such byte is also wrong as UTF-8, unlike in a UTF-8 file cut or damaged in a few places.
function refuseCyrillicSingleByte(bytes: Uint8Array): void {
  if (looksLikeCyrillicSingleByte(bytes)) throw new ImportError("not_utf8", "libImport.cyrillicSingleByte");
}

function looksLikeCyrillicSingleByte(bytes: Uint8Array): boolean {
  const text = new TextDecoder("windows-1251").decode(bytes);
  const high = text.match(/[^\0-\x7f]/g)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  const notUtf8 = new TextDecoder("utf-8").decode(bytes).match(/\uFFFD/g)?.length ?? 0;
  return high > 0 && cyrillic / high >= 0.8 && cyrillic > latin && notUtf8 >= high / 2;
}

/** CRLF (Windows) and lone CR (old Mac) both become LF. Pasted text goes through this as well. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
