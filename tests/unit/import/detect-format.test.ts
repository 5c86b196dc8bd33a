import { describe, expect, it } from "vitest";
import { detectFormat } from "@/lib/import/detect-format";

const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]);
const TEXT = new TextEncoder().encode("Мәтін");

describe("detectFormat", () => {
  it.each([
    ["article.txt", TEXT, "text"],
    ["ARTICLE.TXT", TEXT, "text"],
    ["notes.md", TEXT, "markdown"],
    ["notes.markdown", TEXT, "markdown"],
    ["page.html", TEXT, "html"],
    ["page.htm", TEXT, "html"],
    ["мақала.docx", ZIP, "docx"],
  ] as const)("%s is %s", (name, bytes, format) => {
    expect(detectFormat(name, bytes)).toBe(format);
  });

  it.each(["photo.jpg", "report.pdf", "archive.zip", "README", "old.doc"])("refuses %s, naming what is accepted", (name) => {
    expect(() => detectFormat(name, TEXT)).toThrow(/not supported; upload \.txt, \.md/);
  });

  it("refuses a .docx that is not a ZIP archive", () => {
    expect(() => detectFormat("renamed.docx", TEXT)).toThrow("not a Word .docx document");
  });
});
