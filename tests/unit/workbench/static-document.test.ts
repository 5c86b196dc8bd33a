import { parseHTML } from "linkedom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StaticDocument, type StaticHighlight } from "@/app/(workbench)/articles/[id]/static-document";
import { docToPlainText } from "@/lib/document/doc-text";
import { br, docJson, h, li, p, t, ul } from "../document/fixtures";

function render(content: ReturnType<typeof docJson>, highlights: StaticHighlight[]) {
  const html = renderToStaticMarkup(createElement(StaticDocument, { content, highlights }));
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

const claim = (id: string, text: string, words: string, nth = 0): StaticHighlight => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  return { id, start, end: start + words.length, kind: "claim", className: `claim claim--draft` };
};

/** The words each highlight covers, read back from the markup (block breaks are not text there). */
function drawnWords(document: Document, id: string, kind = "claim"): string {
  return Array.from(document.querySelectorAll(`[data-${kind}-id="${id}"]`), (el) => el.textContent).join("");
}

describe("the article's static text with its highlights", () => {
  const content = docJson(
    h(2, "Сайлау қорытындысы"),
    p("ОСК мәліметінше, ", t("70 пайыздан астам", ["bold"]), " дауыс берді."),
    p("Полиция 120 адамды ұстады,", br(), "оның 15-і әйел."),
    ul(li(p("Бірінші: 3 млрд теңге")), li(p("Екінші: 12 маусым"))),
  );
  const text = docToPlainText(content);

  it("keeps every word of the text, in order", () => {
    const document = render(content, []);
    expect(document.querySelector(".static-document")!.textContent).toBe(text.replace(/\n/g, ""));
    expect(document.querySelectorAll("h2, p, ul li p, br, strong")).toHaveLength(6 + 1);
  });

  it("draws each highlight over exactly its words: inside marks, across a line break, nested and overlapping", () => {
    const highlights = [
      claim("bold", text, "70 пайыздан"),
      claim("around-bold", text, "мәліметінше, 70 пайыздан астам дауыс"),
      claim("across-break", text, "ұстады,\nоның 15-і"),
      claim("nested", text, "120"),
      claim("outer", text, "Полиция 120 адамды"),
      claim("overlap", text, "адамды ұстады"),
      claim("list", text, "3 млрд теңге"),
      { id: "s1", start: text.indexOf("12 маусым"), end: text.indexOf("12 маусым") + 9, kind: "suggestion", className: "suggestion" },
    ] satisfies StaticHighlight[];
    const document = render(content, highlights);
    for (const hl of highlights) expect(drawnWords(document, hl.id, hl.kind), hl.id).toBe(text.slice(hl.start, hl.end).replace(/\n/g, ""));
    // A claim inside another is drawn inside its span, as the editor draws it.
    expect(document.querySelector('[data-claim-id="outer"] [data-claim-id="nested"]')?.textContent).toBe("120");
    expect(document.querySelector('[data-suggestion-id="s1"]')?.className).toBe("suggestion");
    expect(document.querySelector('[data-claim-id="list"]')?.className).toBe("claim claim--draft");
    expect(document.querySelector(".static-document")!.textContent).toBe(text.replace(/\n/g, ""));
  });

  it("leaves out a highlight that does not fit the text, and escapes what the text holds", () => {
    const hostile = docJson(p('<img src=x onerror="alert(1)"> 5 адам'));
    const hostileText = docToPlainText(hostile);
    const document = render(hostile, [
      { id: "past-the-end", start: 3, end: hostileText.length + 5, kind: "claim", className: "claim" },
      { id: "fine", start: hostileText.indexOf("5 адам"), end: hostileText.length, kind: "claim", className: "claim" },
    ]);
    expect(document.querySelector("img")).toBeNull();
    expect(document.querySelector(".static-document")!.textContent).toBe(hostileText);
    expect(document.querySelector('[data-claim-id="past-the-end"]')).toBeNull();
    expect(drawnWords(document, "fine")).toBe("5 адам");
  });

  it("keeps a link's address inside its attribute, and links only web addresses", () => {
    const link = (href: string, text: string) => ({ type: "text", text, marks: [{ type: "link", attrs: { href } }] });
    const linked = docJson(p(link('https://example.kz/?a=1&b="x" onmouseover="alert(1)', "сілтеме"), " ", link("javascript:alert(1)", "басқа")));
    const document = render(linked, []);
    const anchors = document.querySelectorAll("a");
    expect(anchors).toHaveLength(1);
    expect(anchors[0].getAttribute("href")).toBe('https://example.kz/?a=1&b="x" onmouseover="alert(1)');
    expect(anchors[0].getAttribute("onmouseover")).toBeNull();
    expect(document.querySelector(".static-document")!.textContent).toBe("сілтеме басқа");
  });
});
