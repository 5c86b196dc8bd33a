import { describe, expect, it } from "vitest";
import { entitiesOf, evaluate, formatReport, overlaps, parseIob2, rebuildSentence } from "@/lib/extract/evaluation";

const SAMPLE = [
  "Арнайы O", "жасақ O", "361 B-CARDINAL", "адамды O", "әкетті O", ". O", "",
  "Жиынға O", "80000-нан B-CARDINAL", "астам I-CARDINAL", "адам O", "2019 B-DATE", "жылы I-DATE", "келді O", "",
  "Бұл O", "12 B-PERCENTAGE", ", I-PERCENTAGE", "5 I-PERCENTAGE", "% I-PERCENTAGE", "бірінші B-ORDINAL", "",
].join("\n");

describe("IOB2 reading", () => {
  it("splits sentences at blank lines and keeps tokens with their tags", () => {
    const s = parseIob2(SAMPLE);
    expect(s).toHaveLength(3);
    expect(s[1].tokens).toEqual(["Жиынға", "80000-нан", "астам", "адам", "2019", "жылы", "келді"]);
    expect(s[2].tags[2]).toBe("I-PERCENTAGE");
  });

  it("rebuilds the sentence with single spaces and exact token offsets", () => {
    const { text, offsets } = rebuildSentence(["12", ",", "5", "%"]);
    expect(text).toBe("12 , 5 %");
    expect(offsets.map((o) => text.slice(o.start, o.end))).toEqual(["12", ",", "5", "%"]);
  });

  it("turns tags into character spans", () => {
    const s = parseIob2(SAMPLE)[1];
    const { text, offsets } = rebuildSentence(s.tokens);
    const ents = entitiesOf(s.tags, offsets).map((e) => [e.cls, text.slice(e.start, e.end)]);
    expect(ents).toEqual([["CARDINAL", "80000-нан астам"], ["DATE", "2019 жылы"]]);
  });

  it("starts a new entity on an I- tag of another class", () => {
    const ents = entitiesOf(["B-DATE", "I-TIME"], [{ start: 0, end: 1 }, { start: 2, end: 3 }]);
    expect(ents.map((e) => e.cls)).toEqual(["DATE", "TIME"]);
  });
});

describe("scoring", () => {
  it("counts overlap, not exact match", () => {
    expect(overlaps({ start: 0, end: 3 }, { start: 2, end: 5 })).toBe(true);
    expect(overlaps({ start: 0, end: 2 }, { start: 2, end: 5 })).toBe(false);
  });

  it("computes recall per class and precision over numeric classes (ORDINAL counts)", () => {
    const sentences = parseIob2(SAMPLE);
    // A fake extractor: proposes every token that starts with a digit, plus the word "бірінші" and "Бұл".
    const report = evaluate(sentences, (text) => {
      const spans: { start: number; end: number }[] = [];
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        if (/^\d/.test(m[0]) || m[0] === "бірінші" || m[0] === "Бұл") spans.push({ start: m.index, end: m.index + m[0].length });
      }
      return spans;
    });
    const byCls = Object.fromEntries(report.classes.map((c) => [c.cls, [c.total, c.found]]));
    expect(byCls).toMatchObject({ CARDINAL: [2, 2], DATE: [1, 1], PERCENTAGE: [1, 1], MONEY: [0, 0] });
    // Candidates: 361, 80000-нан, 2019, 12, 5, бірінші, Бұл → 6 of 7 overlap a numeric entity.
    expect(report.candidates).toBe(7);
    expect(report.correctCandidates).toBe(6);
    expect(report.precision).toBeCloseTo(6 / 7);
    expect(formatReport(report)).toContain("| CARDINAL | 2 | 2 | 1.000 |");
  });
});
