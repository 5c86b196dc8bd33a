import { describe, expect, it } from "vitest";
import { claimParagraph } from "@/lib/review/claim-paragraph";

const text = "Бірінші абзац.\n12 маусымда 400 адам ұсталды, деді министр.\nҮшінші абзац.";
const quote = "400 адам";
const start = text.indexOf(quote);

describe("the paragraph around a claim", () => {
  it("is the line holding the claim, cut around the quote", () => {
    expect(claimParagraph(text, { start, end: start + quote.length, quote })).toEqual({
      before: "12 маусымда ",
      quote,
      after: " ұсталды, деді министр.",
    });
  });

  it("works for a claim in the first and in the last line", () => {
    expect(claimParagraph(text, { start: 0, end: 7, quote: "Бірінші" })?.after).toBe(" абзац.");
    const last = text.indexOf("абзац.", text.lastIndexOf("\n"));
    expect(claimParagraph(text, { start: last, end: last + 6, quote: "абзац." })).toEqual({ before: "Үшінші ", quote: "абзац.", after: "" });
  });

  it("refuses offsets that no longer hold the quote rather than highlight the wrong words", () => {
    expect(claimParagraph(text, { start: start + 1, end: start + 1 + quote.length, quote })).toBeNull();
    expect(claimParagraph(text, { start: text.length - 2, end: text.length + 5, quote })).toBeNull();
  });
});
