import { describe, expect, it } from "vitest";
import { reanchor, reanchorAll, selectorFor, type AnchorResult, type StoredAnchor } from "@/lib/anchoring";
import { EditMap } from "@/lib/anchoring/edit-map";
import { occurrences, readSeed, splice } from "./helpers";

const located = (text: string, r: AnchorResult) => (r.start === null ? null : text.slice(r.start, r.end));

function anchorOn(text: string, quote: string, nth = 0): StoredAnchor {
  const start = occurrences(text, quote)[nth];
  expect(start).toBeGreaterThanOrEqual(0);
  return { ...selectorFor(text, start, start + quote.length), anchorStatus: "ANCHORED" };
}

describe("reanchorAll through the edit: the article from the report", () => {
  const pasted = "Шымкентте ереуіл болды (X).\nПолиция сол күні 120 адамды ұстады.\nКейін олардың көбі босатылды.";
  const thirdLine = pasted.lastIndexOf("\n") + 1;
  const edited = splice(pasted, thirdLine, thirdLine, "Ұсталғандардың арасында журналистер де болды. ");
  const claim = anchorOn(pasted, "120 адамды");

  it("keeps «120 адамды» on its words when a sentence is typed at the start of the next line", () => {
    const [result] = reanchorAll(edited, [claim], pasted);
    expect(result).toMatchObject({ status: "exact", start: claim.start, end: claim.end });
  });

  it("was orphaned by the context search alone: the inserted sentence sits in its suffix", () => {
    expect(reanchor(edited, claim).status).toBe("orphaned");
  });

  it("follows its words when the same sentence is typed before its line instead", () => {
    const secondLine = pasted.indexOf("\n") + 1;
    const sentence = "Ұсталғандардың арасында журналистер де болды. ";
    const text = splice(pasted, secondLine, secondLine, sentence);
    const [result] = reanchorAll(text, [claim], pasted);
    expect(result).toMatchObject({ status: "moved", start: claim.start + sentence.length });
    expect(located(text, result)).toBe("120 адамды");
  });

  it("keeps its place when its whole surroundings are rewritten around it", () => {
    const text = "Бүгін басқа оқиға болды.\nСот 120 адамды ақтады, деп хабарлады тілші.";
    const from = text.indexOf("120 адамды");
    // Only the claim's own characters line up; everything else was replaced.
    const old = "Шымкентте ереуіл болды (X).\nПолиция сол күні 120 адамды ұстады.";
    const [result] = reanchorAll(text, [anchorOn(old, "120 адамды")], old);
    expect(result).toMatchObject({ start: from, end: from + "120 адамды".length });
  });
});

describe("reanchorAll through the edit: what counts as the claim's own words", () => {
  const text = "Полиция сол күні 120 адамды ұстады. Кейін 20 адам босатылды.";

  it.each<[string, string, number, string, AnchorResult["status"], string | null]>([
    // [case, claim, which occurrence, edited text, status, words found]
    ["a word typed right before it", "120 адамды", 0, text.replace("120 адамды", "шамамен 120 адамды"), "moved", "120 адамды"],
    ["a word typed right after it", "120 адамды", 0, text.replace("120 адамды", "120 адамды түнде"), "exact", "120 адамды"],
    ["a paragraph split right before it", "120 адамды", 0, text.replace("күні 120", "күні\n120"), "exact", "120 адамды"],
    ["a suffix on its last word (an inflection)", "20 адам", 1, text.replace("Кейін 20 адам", "Кейін 20 адамның бәрі"), "exact", "20 адам"],
    ["a letter typed inside it", "120 адамды", 0, text.replace("120 адамды", "120 адамдары"), "orphaned", null],
    // Digits glued on make another number: never the "20" inside "200" or "120".
    ["a digit typed after its number", "20", 1, text.replace("Кейін 20", "Кейін 200"), "orphaned", null],
    ["a digit typed before its number", "20", 1, text.replace("Кейін 20", "Кейін 120"), "orphaned", null],
    ["a digit typed before its words", "20 адам", 1, text.replace("Кейін 20", "Кейін 120"), "orphaned", null],
  ])("%s", (_, quote, nth, edited, status, words) => {
    const claim = anchorOn(text, quote, nth);
    const [result] = reanchorAll(edited, [claim], text);
    expect(result.status).toBe(status);
    expect(located(edited, result)).toBe(words);
  });

  it("sends a claim whose words were edited to the context search, which finds a long quote near its old place", () => {
    const article = readSeed("002_37550b50464d8635.txt");
    const claim = anchorOn(article, "төрт мыңға жуық адам");
    const paragraph = "Редакциядан: бұл мақала толықтырылды, оқиғаның жаңа мәліметтері төменде берілген.\n".repeat(4);
    const edited = paragraph + article.replace("төрт мыңға жуық адам", "төрт мыңға жуық азамат");
    const [result] = reanchorAll(edited, [claim], article);
    expect(result.status).toBe("fuzzy");
    expect(located(edited, result)).toBe("төрт мыңға жуық азамат");
  });

  it("keeps a claim whose words the smallest diff scatters, when text is cut just before it and pasted just after it", () => {
    // Found by the property test (seed 2, trial 39).
    const article = readSeed("004_d4f0bc03257ef0bf.txt");
    const claim = anchorOn(article, "еді.\nОсыған дейін");
    const pasted = "ты жауап бере алмады\n\nҚазақстанда маусымның 9-ы күні кезектен тыс президент сайлауы өтті\nСа";
    const cut = splice(article, claim.start - 55, claim.start - 9);
    const edited = splice(cut, claim.end - 46 + 8, claim.end - 46 + 8, pasted);
    const truth = claim.start - 46;
    expect(edited.slice(truth, truth + claim.quote.length)).toBe(claim.quote);
    // Aligning stray letters of the pasted text with the old is cheaper than keeping the claim whole.
    expect(new EditMap(article, edited).map(claim.start, claim.end)).toBeUndefined();
    const [result] = reanchorAll(edited, [claim], article);
    expect(result).toMatchObject({ status: "moved", start: truth, end: truth + claim.quote.length });
  });

  it("orphans a claim whose words are gone even when the same words stand elsewhere, as the search does", () => {
    const article = readSeed("004_d4f0bc03257ef0bf.txt");
    const phrase = "жағдай кезінде жалған ақпарат таратты";
    const claim = anchorOn(article, phrase, 1);
    const edited = splice(article, claim.start - 10, claim.end - 5);
    expect(reanchorAll(edited, [claim], article)[0].status).toBe("orphaned");
  });

  it("does not re-attach an orphan through the edit, whose offsets point into an older text", () => {
    // The orphan's words happen to stand at its old offsets in the previous text, in another sentence.
    const older = "Алматыда 10 адам ұсталды.";
    const previous = "Жел күші 10 метр секундқа жетеді.";
    const at = older.indexOf("10");
    expect(previous.slice(at, at + 2)).toBe("10");
    const orphan: StoredAnchor = { ...selectorFor(older, at, at + 2), anchorStatus: "ORPHANED" };
    const edited = previous + " Жаңбыр жауады.";
    expect(reanchorAll(edited, [orphan], previous)[0].status).toBe("orphaned");
    // Had it been anchored there, the edit would have carried it.
    expect(reanchorAll(edited, [{ ...orphan, anchorStatus: "ANCHORED" }], previous)[0].status).toBe("exact");
  });

  it("looks for a claim whose selector does not match the previous text as reanchor does", () => {
    const stale = { ...selectorFor(text, 17, 27), start: 0, end: 10 };
    expect(reanchorAll(text + " Соңы.", [stale], text)[0]).toEqual(reanchor(text + " Соңы.", stale));
  });

  it("gives the same answers as before when no previous text is given", () => {
    const edited = "Жаңа кіріспе.\n" + text;
    const claims = [anchorOn(text, "120 адамды"), anchorOn(text, "20 адам", 1)];
    expect(reanchorAll(edited, claims)).toEqual(claims.map((c) => reanchor(edited, c)));
  });
});
