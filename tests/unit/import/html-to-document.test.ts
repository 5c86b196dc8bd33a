import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { docToPlainText } from "@/lib/document/doc-text";
import { htmlToDocument } from "@/lib/import/html-to-document";

function nodeTypes(node: JSONContent, into = new Set<string>()): Set<string> {
  into.add(node.type ?? "?");
  for (const mark of node.marks ?? []) into.add(`mark:${mark.type}`);
  for (const child of node.content ?? []) nodeTypes(child, into);
  return into;
}

function links(node: JSONContent, into: string[] = []): string[] {
  for (const mark of node.marks ?? []) if (mark.type === "link") into.push(mark.attrs?.href);
  for (const child of node.content ?? []) links(child, into);
  return into;
}

describe("htmlToDocument", () => {
  it("keeps headings, paragraphs, lists, quotes, bold, italic, links and line breaks", () => {
    const doc = htmlToDocument(
      `<h2>Сайлау</h2><p><b>70,2%</b> дауыс <em>шамамен</em><br>екінші жол <a href="https://www.azattyq.org/a/1.html">Азаттық</a></p>` +
        `<ol><li>бір</li><li>екі</li></ol><blockquote><p>дәйексөз</p></blockquote>`,
    );
    expect([...nodeTypes(doc)].sort()).toEqual(
      ["blockquote", "doc", "hardBreak", "heading", "listItem", "mark:bold", "mark:italic", "mark:link", "orderedList", "paragraph", "text"].sort(),
    );
    expect(docToPlainText(doc)).toBe("Сайлау\n70,2% дауыс шамамен\nекінші жол Азаттық\nбір\nекі\nдәйексөз");
    expect(links(doc)).toEqual(["https://www.azattyq.org/a/1.html"]);
  });

  it("drops scripts, styles and event handlers with their content, keeping the visible text", () => {
    const doc = htmlToDocument(
      `<style>p { color: red }</style><p style="color:red" class="x" onclick="steal()">Мәтін<script>alert("x")</script></p>` +
        `<img src="x" onerror="steal()"><iframe src="https://evil.example"></iframe><noscript>жоқ</noscript>`,
    );
    const json = JSON.stringify(doc);
    expect(docToPlainText(doc)).toBe("Мәтін");
    for (const forbidden of ["script", "alert", "style", "color", "onclick", "steal", "onerror", "iframe", "evil"]) {
      expect(json).not.toContain(forbidden);
    }
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:x",
    "//evil.example/x",
    "ftp://x.kz/a",
  ])(
    "keeps the text of a link to %s but not the link",
    (href) => {
      const doc = htmlToDocument(`<p><a href="${href}">сілтеме</a></p>`);
      expect(docToPlainText(doc)).toBe("сілтеме");
      expect(links(doc)).toEqual([]);
    },
  );

  it("drops SVG and MathML with their content, which could otherwise smuggle script", () => {
    const doc = htmlToDocument(`<p>Мәтін</p><svg><script>alert(1)</script><a href="javascript:alert(1)">x</a></svg><math><mi>y</mi></math>`);
    expect(docToPlainText(doc)).toBe("Мәтін");
  });

  it("drops marks and blocks outside the newsroom's set (code, strike, underline, pre, hr)", () => {
    const doc = htmlToDocument(`<p><code>c</code> <s>s</s> <u>u</u></p><hr><pre>бір   екі</pre>`);
    expect([...nodeTypes(doc)].sort()).toEqual(["doc", "paragraph", "text"]);
    expect(docToPlainText(doc)).toBe("c s u\nбір екі");
  });

  it("keeps the text of table cells and sections apart instead of running words together", () => {
    const doc = htmlToDocument(`<table><tr><td>Алматы</td><td>361</td></tr></table><section>Астана</section>жай мәтін`);
    expect(docToPlainText(doc)).toBe("Алматы\n361\nАстана\nжай мәтін");
  });

  it("collapses source whitespace as a browser shows it", () => {
    expect(docToPlainText(htmlToDocument("<p>\n  Бір   екі\n  үш  </p>"))).toBe("Бір екі үш");
  });
});
