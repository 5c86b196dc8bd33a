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

  it("refuses a UTF-8 sequence cut in the middle of a letter", () => {
    const bytes = utf8("Қазақ");
    expect(reasonOf(() => decodeText(bytes.slice(0, bytes.length - 1)))).toBe("not_utf8");
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
