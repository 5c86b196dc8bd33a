import { describe, expect, it } from "vitest";
import { decodeText, normalizeLineEndings } from "@/lib/import/decode-text";
import { ImportError } from "@/lib/import/import-error";

const utf8 = (text: string) => new TextEncoder().encode(text);

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error.reason;
    throw error;
  }
  return undefined;
}

describe("decodeText", () => {
  it("keeps Kazakh text exactly, decomposed letters included (no NFC)", () => {
    // "й" as и + combining breve: NFC would make it one code unit and shift every offset after it.
    const text = "Қазақстан: 361 адам ұсталды. Әлнұр мен Даная.\nи\u0306 — декомпозицияланған.\n";
    expect(decodeText(utf8(text))).toBe(text);
    expect(decodeText(utf8(text)).length).toBe(text.length);
  });

  it("drops a leading BOM and turns CRLF and lone CR into LF", () => {
    expect(decodeText(utf8("\uFEFFБірінші\r\nЕкінші\rҮшінші\n"))).toBe("Бірінші\nЕкінші\nҮшінші\n");
  });

  it("keeps a BOM that is not at the start (it is part of the text there)", () => {
    expect(decodeText(utf8("а\uFEFFб"))).toBe("а\uFEFFб");
  });

  it("refuses Windows-1251 bytes as not UTF-8", () => {
    // "Алматы" in Windows-1251.
    const cp1251 = Uint8Array.from([0xc0, 0xeb, 0xec, 0xe0, 0xf2, 0xfb]);
    expect(reasonOf(() => decodeText(cp1251))).toBe("not_utf8");
    expect(() => decodeText(cp1251)).toThrow("not UTF-8");
  });

  it("refuses a file with NUL bytes as binary", () => {
    expect(reasonOf(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x00, 0x01, 0x41])))).toBe("binary");
  });

  it("refuses a UTF-8 sequence cut in the middle of a letter, without naming another encoding", () => {
    const bytes = utf8("Қазақ");
    expect(reasonOf(() => decodeText(bytes.slice(0, bytes.length - 1)))).toBe("not_utf8");
    expect(() => decodeText(bytes.slice(0, bytes.length - 1))).toThrow("perhaps Windows-1251");
  });
});

// What Windows Notepad writes when saving as "Unicode" (UTF-16LE) and "Unicode big endian".
describe("decodeText with UTF-16 and other encodings", () => {
  // "Алматы 25%\r\n": А=0410 л=043B м=043C а=0430 т=0442 ы=044B, then ASCII.
  const almatyLE = [0xff, 0xfe, 0x10, 0x04, 0x3b, 0x04, 0x3c, 0x04, 0x30, 0x04, 0x42, 0x04, 0x4b, 0x04, 0x20, 0x00, 0x32, 0x00, 0x35, 0x00, 0x25, 0x00, 0x0d, 0x00, 0x0a, 0x00];
  const almatyBE = [0xfe, 0xff, 0x04, 0x10, 0x04, 0x3b, 0x04, 0x3c, 0x04, 0x30, 0x04, 0x42, 0x04, 0x4b, 0x00, 0x20, 0x00, 0x32, 0x00, 0x35, 0x00, 0x25, 0x00, 0x0d, 0x00, 0x0a];

  it("reads UTF-16 little endian with its byte-order mark, dropping the mark and the CR", () => {
    expect(decodeText(Uint8Array.from(almatyLE))).toBe("Алматы 25%\n");
  });

  it("reads UTF-16 big endian with its byte-order mark", () => {
    expect(decodeText(Uint8Array.from(almatyBE))).toBe("Алматы 25%\n");
  });

  it("reads Kazakh letters and a letter beyond the BMP (a surrogate pair) in UTF-16", () => {
    // "Қә😀": Қ=049A ә=04D9, U+1F600 = D83D DE00.
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x9a, 0x04, 0xd9, 0x04, 0x3d, 0xd8, 0x00, 0xde]))).toBe("Қә😀");
  });

  it("refuses UTF-16 that is cut mid-letter or has a lone surrogate", () => {
    expect(() => decodeText(Uint8Array.from(almatyLE.slice(0, -1)))).toThrow("not valid UTF-16");
    expect(reasonOf(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00])))).toBe("not_utf8");
  });

  it("refuses UTF-16 holding NUL characters as binary", () => {
    expect(reasonOf(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00])))).toBe("binary");
  });

  it("names UTF-16 saved without its byte-order mark", () => {
    expect(reasonOf(() => decodeText(Uint8Array.from(almatyLE.slice(2))))).toBe("not_utf8");
    expect(() => decodeText(Uint8Array.from(almatyLE.slice(2)))).toThrow("UTF-16 without a byte-order mark");
    expect(() => decodeText(Uint8Array.from(almatyBE.slice(2)))).toThrow("UTF-16 without a byte-order mark");
  });

  it("names UTF-32 by its byte-order mark, little and big endian", () => {
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x10, 0x04, 0x00, 0x00]))).toThrow("UTF-32");
    expect(() => decodeText(Uint8Array.from([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x04, 0x10]))).toThrow("UTF-32");
  });

  it("names Windows-1251 and KZ-1048 for Cyrillic in a one-byte encoding", () => {
    // "Алматыда 25 адам" in Windows-1251.
    const cp1251 = Uint8Array.from([0xc0, 0xeb, 0xec, 0xe0, 0xf2, 0xfb, 0xe4, 0xe0, 0x20, 0x32, 0x35, 0x20, 0xe0, 0xe4, 0xe0, 0xec]);
    expect(() => decodeText(cp1251)).toThrow("Windows-1251 or KZ-1048, not UTF-8");
    // "Қазақ" in KZ-1048, whose Қ and қ (0x8D, 0x9D) stand where Windows-1251 has Ќ and ќ.
    expect(() => decodeText(Uint8Array.from([0x8d, 0xe0, 0xe7, 0xe0, 0x9d]))).toThrow("Windows-1251 or KZ-1048");
  });

  it("does not call a Latin-1 file Cyrillic", () => {
    // "Le café est fermé." in ISO-8859-1.
    const latin1 = Uint8Array.from([...Buffer.from("Le caf", "latin1"), 0xe9, ...Buffer.from(" est ferm", "latin1"), 0xe9, 0x2e]);
    expect(() => decodeText(latin1)).toThrow("perhaps Windows-1251");
  });
});

describe("normalizeLineEndings", () => {
  it.each([
    ["a\r\nb", "a\nb"],
    ["a\rb", "a\nb"],
    ["a\r\r\nb", "a\n\nb"],
    ["a\n\nb", "a\n\nb"],
  ])("%j becomes %j", (input, expected) => {
    expect(normalizeLineEndings(input)).toBe(expected);
  });
});
