import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/extract";
import { tokenize } from "@/lib/extract/tokenize";

describe("bad input never throws", () => {
  it.each([
    ["empty text", ""],
    ["whitespace only", " \n\t \u00a0"],
    ["no numbers", "Белсенділер партия өкілдерімен кездесті."],
    ["another script", "这是一个测试 مرحبا بالعالم Привет мир"],
    ["lone high surrogate", "\ud800 5 адам"],
    ["lone low surrogate", "адам \udc00\udc00 он"],
    ["emoji and symbols", "😀 №1 #2 $ € ₸ %"],
    ["only punctuation", "—–-%%%...,,,"],
    ["control characters", "\u0000\u0001 3 жыл \u0007"],
  ])("%s", (_name, text) => {
    const cs = extractClaims(text);
    expect(Array.isArray(cs)).toBe(true);
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it("returns [] for empty text and text without numbers", () => {
    expect(extractClaims("")).toEqual([]);
    expect(extractClaims("Белсенділер партия өкілдерімен кездесті.")).toEqual([]);
  });

  it("still reads numbers next to lone surrogates", () => {
    expect(extractClaims("\ud800 5 адам").map((c) => c.value)).toEqual([5]);
  });

  it("tolerates non-string input from untyped callers", () => {
    expect(extractClaims(undefined as unknown as string)).toEqual([]);
    expect(extractClaims(42 as unknown as string)).toEqual([]);
  });

  it("reads a very long line whole", () => {
    const line = "Сайлау күні 361 адам ұсталды, ".repeat(40_000); // ~1.2 MB, no line break
    const cs = extractClaims(line);
    expect(cs).toHaveLength(40_000);
  });

  it("looks for claimants in a bounded window, so a sentence of speech verbs stays linear", () => {
    // Each "айтты" (said) asks for a subject; searching the whole sentence each time was quadratic.
    const small = "Ол айтты ".repeat(2_000) + "361 адам.";
    const large = "Ол айтты ".repeat(40_000) + "361 адам.";
    const time = (s: string) => {
      const t = performance.now();
      expect(extractClaims(s)).toHaveLength(1);
      return performance.now() - t;
    };
    time(small);
    // Twenty times the text may cost twenty times the time; quadratic work would cost four hundred.
    expect(time(large) / time(small)).toBeLessThan(100);
  });

  it("handles a long run of digits and dashes without backtracking blow-up", () => {
    const s = "1-".repeat(50_000) + "1 " + "9".repeat(100_000);
    const cs = extractClaims(s);
    expect(Array.isArray(cs)).toBe(true);
  });
});

describe("tokenizer", () => {
  const kinds = (s: string) => tokenize(s).map((t) => [t.kind, t.text]);

  it("keeps a hyphen suffix on digits and splits hyphenated words", () => {
    expect(kinds("20-дан екі-үш")).toEqual([["num", "20-дан"], ["word", "екі"], ["dash", "-"], ["word", "үш"]]);
  });

  it("reads a space as a thousands separator only before groups of three digits", () => {
    expect(tokenize("1 200 адам")[0]).toMatchObject({ kind: "num", value: 1200 });
    expect(tokenize("2019 120")).toHaveLength(2);
    expect(tokenize("10 қаңтар")).toHaveLength(2);
  });

  it("reads decimal commas, percent suffixes and numeric dates", () => {
    expect(tokenize("63,3")[0]).toMatchObject({ kind: "num", value: 63.3 });
    expect(tokenize("%-ке")[0]).toMatchObject({ kind: "pct", lower: "ке" });
    expect(tokenize("05.03.2020")[0]).toMatchObject({ kind: "date", iso: "2020-03-05" });
    expect(tokenize("12, 5")).toHaveLength(3);
  });

  it("splits sentences at final punctuation and line breaks, not inside 'т.б' or a URL", () => {
    const s = tokenize("Бір. Екі\nҮш т.б азаттық.org төрт");
    const bySentence = s.filter((t) => t.kind === "word").map((t) => [t.text, t.sentence]);
    expect(bySentence).toEqual([["Бір", 0], ["Екі", 1], ["Үш", 2], ["т", 2], ["б", 2], ["азаттық", 2], ["org", 2], ["төрт", 2]]);
  });

  it("never splits a surrogate pair", () => {
    const toks = tokenize("a😀b");
    for (const t of toks) expect(t.text).not.toMatch(/^[\udc00-\udfff]/);
  });
});
