import { describe, expect, it } from "vitest";
import { EditMap } from "@/lib/anchoring/edit-map";
import { diffHunks } from "@/lib/anchoring/text-diff";
import { splice } from "./helpers";

const sentence = "Полиция сол күні 120 адамды ұстады. Кейін олардың көбі босатылды.";
const claimStart = sentence.indexOf("120 адамды");
const claimEnd = claimStart + "120 адамды".length;

function mapped(newText: string, oldText = sentence, start = claimStart, end = claimEnd) {
  const range = new EditMap(oldText, newText).map(start, end);
  return range && { ...range, words: newText.slice(range.start, range.end) };
}

describe("EditMap.map", () => {
  it.each<[string, string, number | null]>([
    ["an edit far before it", splice(sentence, 0, 7, "Жергілікті полиция"), claimStart + 11],
    ["an edit after it", sentence.replace("көбі", "бәрі дерлік"), claimStart],
    ["text inserted exactly at its start", splice(sentence, claimStart, claimStart, "шамамен "), claimStart + 8],
    ["text inserted exactly at its end", splice(sentence, claimEnd, claimEnd, " түнде"), claimStart],
    ["its neighbours replaced on both sides", sentence.replace("күні 120 адамды ұстады", "түні 120 адамды ұстап алды"), claimStart],
    ["text inserted inside it", splice(sentence, claimStart + 3, claimStart + 3, " мыңға жуық"), null],
    ["one of its characters deleted", splice(sentence, claimStart + 1, claimStart + 2), null],
    ["one of its characters replaced", sentence.replace("120", "130"), null],
    ["the whole text replaced", "Мүлде басқа мәтін.", null],
  ])("%s", (_, newText, start) => {
    const result = mapped(newText);
    if (start === null) return expect(result).toBeUndefined();
    expect(result).toEqual({ start, end: start + claimEnd - claimStart, words: "120 адамды" });
  });

  it("finds the reading of an insertion that leaves the claim whole when the diff put it inside", () => {
    // The inserted sentence ends with the claim's first words, so the smallest diff reads it as
    // inserted after "120 адам", in the middle of the claim.
    const inserted = "120 адам келді. ";
    const newText = splice(sentence, claimStart, claimStart, inserted);
    const inside = diffHunks(sentence, newText).find((h) => h.oldStart > claimStart && h.oldStart < claimEnd);
    expect(inside).toBeDefined();
    expect(mapped(newText)).toEqual({ start: claimStart + inserted.length, end: claimEnd + inserted.length, words: "120 адамды" });
  });

  it("finds the reading of a deletion that leaves the claim whole when the diff put it across", () => {
    // "адамды ұстады. " deleted before "адамды" again: the diff may take the claim's copy instead.
    const oldText = "Полиция адамды ұстады. адамды босатты.";
    const start = oldText.lastIndexOf("адамды");
    const newText = splice(oldText, oldText.indexOf("адамды"), start);
    expect(mapped(newText, oldText, start, start + "адамды".length)).toEqual({ start: oldText.indexOf("адамды"), end: oldText.indexOf("адамды") + 6, words: "адамды" });
  });

  it("maps a claim in a 200,000-character article past many scattered edits", () => {
    const paragraph = "Ақтөбе облысында наурыз айында 1 200 адам жұмыссыз қалды, деп хабарлады әкімдік. ";
    const long = Array.from({ length: 2500 }, (_, i) => `${i}. ${paragraph}\n`).join("");
    expect(long.length).toBeGreaterThan(200_000);
    let edited = long;
    for (let i = 100; i < 2500; i += 100) edited = edited.replace(`\n${i}. `, `\n${i}. Жаңарту: `);
    const start = long.indexOf("1 200 адам", long.indexOf("\n2450. "));
    const map = new EditMap(long, edited);
    const range = map.map(start, start + "1 200 адам".length)!;
    expect(range.start).toBe(start + 24 * "Жаңарту: ".length);
    expect(edited.slice(range.start, range.end)).toBe("1 200 адам");
  });
});

describe("EditMap.approximate", () => {
  it("places an old position inside a replaced passage at the same distance into the new one", () => {
    const newText = "Жаңа кіріспе. " + sentence.replace("120 адамды", "жүзден астам адамды");
    const map = new EditMap(sentence, newText);
    expect(map.approximate(0)).toBe(14);
    expect(map.approximate(claimStart)).toBe(14 + claimStart);
    expect(newText.slice(map.approximate(claimStart))).toMatch(/^жүзден/);
  });
});
