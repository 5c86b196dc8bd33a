import { describe, expect, it } from "vitest";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { docToPlainText } from "@/lib/document/doc-text";
import {
  createTextIndex,
  getTextIndex,
  posRangeToTextRange,
  posToTextOffset,
  textOffsetToPos,
  textRangeToPosRange,
} from "@/lib/document/text-index";
import { br, code, doc, docJson, h, hr, li, ol, p, pmText, quote, t, ul } from "./fixtures";

const docs: Record<string, ProseMirrorNode> = {
  "several paragraphs": doc(p("Бірінші абзац."), p("Екінші."), p("Үшінші абзац")),
  "empty paragraphs": doc(p(), p("a"), p(), p(), p("b"), p()),
  marks: doc(
    p("Жай ", t("қалың", ["bold"]), t(" көлбеу", ["italic"]), t("сілтеме", ["link", "bold"]), "."),
    p(t("бәрі", ["bold", "italic", "strike"])),
  ),
  "nested blocks": doc(
    h(2, "Тақырып"),
    ul(li(p("бір")), li(p("екі"), p("екінші абзац"), ol(li(p("ішкі"))))),
    quote(p("дәйексөз"), p()),
    p("соңы"),
  ),
  "starts with a list": doc(ul(li(p("алғашқы")), li(p()))),
  "hard breaks": doc(p("жол1", br(), "жол2", br(), br(), t("x", ["bold"])), p(br())),
  "astral characters": doc(
    p("𝔸😀 мәтін 😀"),
    p(t("😀", ["bold"]), "𝔸", br(), "👩‍👩‍👧 жанұя"),
  ),
  "code block": doc(p("алдында"), code("line1\nline2"), p("кейін")),
};

describe("docToPlainText", () => {
  it.each(Object.entries(docs))("%s: equals ProseMirror's textBetween for node and JSON", (_, node) => {
    expect(docToPlainText(node)).toBe(pmText(node));
    expect(docToPlainText(node.toJSON())).toBe(pmText(node));
  });

  it.each([
    ["several paragraphs", "Бірінші абзац.\nЕкінші.\nҮшінші абзац"],
    ["empty paragraphs", "\na\n\n\nb\n"],
    ["marks", "Жай қалың көлбеусілтеме.\nбәрі"],
    ["nested blocks", "Тақырып\nбір\nекі\nекінші абзац\nішкі\nдәйексөз\n\nсоңы"],
    ["starts with a list", "алғашқы\n"],
    ["hard breaks", "жол1\nжол2\n\nx\n\n"],
    ["code block", "алдында\nline1\nline2\nкейін"],
  ])("%s: reads as %j", (name, expected) => {
    expect(docToPlainText(docs[name])).toBe(expected);
  });

  it("counts a horizontal rule as a line of its own, as textBetween does", () => {
    const node = doc(p("a"), hr(), p("b"));
    expect(docToPlainText(node)).toBe("a\n\n\nb");
  });
});

describe("text index", () => {
  it.each(Object.entries(docs))("%s: index text equals the plain text", (_, node) => {
    expect(createTextIndex(node).text).toBe(pmText(node));
  });

  it.each(Object.entries(docs))(
    "%s: every offset maps to a position inside a textblock with exactly that text before it",
    (_, node) => {
      const index = createTextIndex(node);
      for (let offset = 0; offset <= index.text.length; offset++) {
        const pos = index.textOffsetToPos(offset);
        expect(node.resolve(pos).parent.isTextblock, `offset ${offset}`).toBe(true);
        expect(pmText(node, 0, pos), `offset ${offset}`).toBe(index.text.slice(0, offset));
        expect(index.posToTextOffset(pos, 1)).toBe(offset);
        expect(index.posToTextOffset(pos, -1)).toBe(offset);
      }
    },
  );

  it.each(Object.entries(docs))("%s: every position maps monotonically onto the text", (_, node) => {
    const index = createTextIndex(node);
    let previous = { before: 0, after: 0 };
    for (let pos = 0; pos <= node.content.size; pos++) {
      const before = index.posToTextOffset(pos, -1);
      const after = index.posToTextOffset(pos, 1);
      expect(before).toBeLessThanOrEqual(after);
      expect(before).toBeGreaterThanOrEqual(previous.before);
      expect(after).toBeGreaterThanOrEqual(previous.after);
      previous = { before, after };
      if (node.resolve(pos).parent.isTextblock) {
        expect(after, `pos ${pos}`).toBe(pmText(node, 0, pos).length);
        expect(before).toBe(after);
      }
    }
    expect(index.posToTextOffset(node.content.size, -1)).toBe(index.text.length);
  });

  it.each(Object.entries(docs))("%s: every text range draws exactly its text", (_, node) => {
    const index = createTextIndex(node);
    const n = index.text.length;
    for (let start = 0; start <= n; start++) {
      for (let end = start; end <= n; end++) {
        const range = index.textRangeToPosRange({ start, end });
        expect(pmText(node, range.from, range.to), `${start}..${end}`).toBe(index.text.slice(start, end));
        expect(index.posRangeToTextRange(range)).toEqual({ start, end });
      }
    }
  });

  it.each([
    // [doc, offset, expected position] computed by hand from ProseMirror's token counting.
    [doc(p("ab"), p(), p("c")), 0, 1],
    [doc(p("ab"), p(), p("c")), 2, 3],
    [doc(p("ab"), p(), p("c")), 3, 5],
    [doc(p("ab"), p(), p("c")), 4, 7],
    [doc(p("ab"), p(), p("c")), 5, 8],
    [doc(p("a", br(), "b")), 2, 3],
    [doc(p("a", br(), "b")), 3, 4],
    [doc(ul(li(p("ab")), li(p("cd")))), 3, 9],
    [doc(quote(p("ab")), p("cd")), 3, 7],
    [doc(p("😀x")), 2, 3],
    [doc(p("𝔸"), p("😀x")), 5, 7],
  ])("hand-computed case %#", (node, offset, pos) => {
    expect(textOffsetToPos(node, offset)).toBe(pos);
    expect(posToTextOffset(node, pos)).toBe(offset);
  });

  it("counts astral characters as two units on both sides, before and inside a range", () => {
    const node = doc(p("𝔸 😀", t("10 😀 пайыз", ["bold"])));
    const text = docToPlainText(node);
    expect(text).toBe("𝔸 😀10 😀 пайыз");
    const start = text.indexOf("10");
    expect(start).toBe(5);
    const range = textRangeToPosRange(node, { start, end: text.length });
    expect(range).toEqual({ from: 6, to: 6 + "10 😀 пайыз".length });
    expect(pmText(node, range.from, range.to)).toBe("10 😀 пайыз");
  });

  it("maps offsets around a horizontal rule to either side of it", () => {
    const node = doc(p("a"), hr(), p("b"));
    const index = createTextIndex(node);
    // "a" 0..1, separator, the rule's "\n" at 2, separator, "b" at 4; the rule sits at pos 3.
    expect([0, 1, 2, 3, 4, 5].map((o) => index.textOffsetToPos(o))).toEqual([1, 2, 3, 4, 5, 6]);
    expect([1, 2, 3, 4, 5, 6].map((pos) => index.posToTextOffset(pos))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("reads a selection over block structure without the paragraph breaks around it", () => {
    const node = doc(p("ab"), ul(li(p("cd"))), p("ef"));
    // bulletList opens at 4, listItem at 5, paragraph at 6, "cd" is 7..9, the list closes at 12.
    expect(posRangeToTextRange(node, { from: 4, to: 12 })).toEqual({ start: 3, end: 5 });
    expect(posRangeToTextRange(node, { from: 12, to: 4 })).toEqual({ start: 3, end: 5 });
    expect(posRangeToTextRange(node, { from: 0, to: node.content.size })).toEqual({ start: 0, end: 8 });
    // Entirely between blocks: an empty range at the next text, not a negative one.
    expect(posRangeToTextRange(node, { from: 10, to: 11 })).toEqual({ start: 6, end: 6 });
  });

  it("clamps out-of-range input instead of throwing", () => {
    const node = doc(p("ab"));
    expect(textOffsetToPos(node, -5)).toBe(1);
    expect(textOffsetToPos(node, 99)).toBe(3);
    expect(posToTextOffset(node, 99)).toBe(2);
  });

  it("accepts stored JSON", () => {
    const json = docJson(p("ab"), p("cd"));
    expect(textOffsetToPos(json, 3)).toBe(5);
  });

  it("builds one index per document and converts thousands of claims quickly", () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => p(`Абзац ${i}: `, t("70 пайыз", ["bold"]), " 😀 соңы."));
    const node = doc(...paragraphs);
    expect(getTextIndex(node)).toBe(getTextIndex(node));

    const text = docToPlainText(node);
    const claims = Array.from({ length: 2000 }, (_, i) => {
      const start = text.indexOf("70 пайыз", (text.length * i) / 2000);
      return { start, end: start + 8 };
    });
    const ranges = claims.map((claim) => textRangeToPosRange(node, claim));
    const back = ranges.map((range) => posRangeToTextRange(node, range));
    expect(back).toEqual(claims);
    expect(pmText(node, ranges[1234].from, ranges[1234].to)).toBe("70 пайыз");
  });
});
