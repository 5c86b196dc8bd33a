import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { docToPlainText } from "@/lib/document/doc-text";
import { docxToHtml } from "@/lib/import/docx-to-html";
import { htmlToDocument } from "@/lib/import/html-to-document";
import { markdownToHtml } from "@/lib/import/markdown-to-html";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

describe("markdownToHtml then htmlToDocument", () => {
  it("reads headings, emphasis, lists and quotes, and drops raw HTML scripts and unsafe links", () => {
    const doc = htmlToDocument(
      markdownToHtml("# Тақырып\n\n**Қалың** және _курсив_ [сілтеме](https://x.kz) [жаман](javascript:alert(1))\n\n- бір\n- екі\n\n> дәйексөз\n\n<script>alert(1)</script>\n"),
    );
    expect(docToPlainText(doc)).toBe("Тақырып\nҚалың және курсив сілтеме жаман\nбір\nекі\nдәйексөз");
    expect(doc.content?.map((n) => n.type)).toEqual(["heading", "paragraph", "bulletList", "blockquote"]);
    expect(JSON.stringify(doc)).not.toMatch(/script|alert|javascript/);
  });
});

describe("docxToHtml then htmlToDocument", () => {
  it("reads a Word heading, bold, italic and an https link, without fonts, colours or a javascript: link", async () => {
    const bytes = await readFile(path.join(FIXTURES, "kazakh-article.docx"));
    const doc = htmlToDocument(await docxToHtml(bytes));
    expect(docToPlainText(doc)).toBe("Алматыда 361 адам ұсталды\nПолиция 5 наурызда шамамен 361 адамды ұстады.\nАзаттық және жалған сілтеме");
    expect(doc.content?.[0]).toMatchObject({ type: "heading", attrs: { level: 1 } });
    const json = JSON.stringify(doc);
    expect(json).toContain('"bold"');
    expect(json).toContain('"italic"');
    expect(json).toContain("https://www.azattyq.org/a/31234567.html");
    expect(json).not.toMatch(/javascript|FF0000|color/i);
  });

  it("refuses a damaged .docx with a message", async () => {
    const bytes = await readFile(path.join(FIXTURES, "kazakh-article.docx"));
    await expect(docxToHtml(bytes.subarray(0, 200))).rejects.toThrow("could not be read");
  });
});
