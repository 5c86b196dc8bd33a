import { describe, expect, it } from "vitest";
import { editDistance } from "@/lib/anchoring/edit-distance";
import { snapToWords } from "@/lib/anchoring/words";

describe("snapToWords", () => {
  const text = "митингілер кезінде төрт мыңға жуық азамат ұсталды";
  const at = (s: string) => text.indexOf(s);

  it.each([
    // [case, match, stored quote/prefix/suffix, expected text]
    ["extends a match that stops mid-word", "жуық азам", { quote: "жуық адам", prefix: "мыңға ", suffix: " ұсталды" }, "жуық азамат"],
    ["extends a match that starts mid-word", "ңға жуық", { quote: "мыңға жуық", prefix: "төрт ", suffix: " адам" }, "мыңға жуық"],
    ["leaves an edge the original quote had cut", "жуық азам", { quote: "жуық адам", prefix: " ", suffix: "дары" }, "жуық азам"],
    ["leaves whole words alone", "төрт мыңға", { quote: "төрт мыңға", prefix: "кезінде ", suffix: " жуық" }, "төрт мыңға"],
  ])("%s", (_, match, edges, expected) => {
    const { start, end } = snapToWords(text, at(match), at(match) + match.length, edges);
    expect(text.slice(start, end)).toBe(expected);
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["адам", "адам", 0],
    ["адам", "азам", 1],
    ["адам", "азамат", 3],
    ["", "абв", 3],
    ["😀", "😁", 1],
    ["төрт мыңға жуық адам", "төрт мыңнан астам адам", 7],
  ])("%j → %j is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
