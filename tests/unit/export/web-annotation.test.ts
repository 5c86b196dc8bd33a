import { describe, expect, it } from "vitest";
import { codePointOffset, renderWebAnnotations, toWebAnnotation } from "@/lib/export/web-annotation";
import { collect } from "../../support/file-chunks";
import { batches, exportRow } from "./rows";

const BASE = "https://derek.example.kz";

/** What a TextPositionSelector selects, reading positions as the W3C model does: in code points. */
const selectByCodePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join("");

describe("code point offsets", () => {
  it.each([
    ["Kazakh Cyrillic is one unit per character", "Астанада 1 200 адам", 9, 9],
    ["an emoji before the offset counts once", "👍 63,3 пайыз", 3, 2],
    ["two emoji", "🇰🇿 63", 5, 3],
    ["an offset past the text stops at its end", "абв", 10, 3],
  ])("%s", (_name, text, utf16, expected) => {
    expect(codePointOffset(text, utf16)).toBe(expected);
  });
});

describe("Web Annotation", () => {
  it("targets the claim's words by quote with context and by position", () => {
    const text = "Биыл сайлаушылардың 63,3 пайыз дауыс берді.";
    const start = text.indexOf("63,3 пайыз");
    const annotation = toWebAnnotation(exportRow({ start, end: start + 10, prefix: "сайлаушылардың ", suffix: " дауыс берді" }), BASE);
    expect(annotation.target.selector).toEqual([
      { type: "TextQuoteSelector", exact: "63,3 пайыз", prefix: "сайлаушылардың ", suffix: " дауыс берді" },
      { type: "TextPositionSelector", start, end: start + 10 },
    ]);
    expect(selectByCodePoints(text, start, start + 10)).toBe("63,3 пайыз");
    expect(annotation.target.source).toEqual({
      id: `${BASE}/articles/0195f3a0-0000-7000-8000-0000000000a1`,
      type: "Text",
      language: "kk",
      via: "https://www.azattyq.org/a/33000001.html",
    });
    expect(annotation).toMatchObject({ type: "Annotation", motivation: "assessing", id: "urn:uuid:0195f3a0-0000-7000-8000-000000000001" });
    expect(annotation.body).toContainEqual({ type: "TextualBody", purpose: "assessing", value: "Mostly true", format: "text/plain", language: "en" });
    // The stored "63.300000" is described as people write it.
    expect(annotation.body).toContainEqual({ type: "TextualBody", purpose: "describing", value: "63.3 percent", format: "text/plain" });
    expect(annotation.body).toContainEqual({ type: "SpecificResource", purpose: "linking", source: "https://election.kz/protocol", selector: { type: "TextQuoteSelector", exact: "63,3%" } });
  });

  it("counts positions in code points when the article holds emoji", () => {
    const text = "🔥 Жаңалық: 😀 биыл 63,3 пайыз дауыс берді.";
    const start = text.indexOf("63,3 пайыз"); // UTF-16 offset, as Derek stores it
    const end = start + "63,3 пайыз".length;
    const annotation = toWebAnnotation(exportRow({ start, end, textUpToEnd: text.slice(0, end) }), BASE);
    const position = annotation.target.selector[1] as { start: number; end: number };
    expect(position).toEqual({ type: "TextPositionSelector", start: start - 2, end: end - 2 });
    expect(selectByCodePoints(text, position.start, position.end)).toBe("63,3 пайыз");
  });

  it("leaves the verdict out of a claim not yet verified", () => {
    const annotation = toWebAnnotation(exportRow({ status: "DRAFT", rating: null, approvedAt: null }), BASE);
    expect(annotation.body.some((body) => (body as { purpose?: string }).purpose === "assessing")).toBe(false);
  });

  it("writes an AnnotationCollection whose page holds one annotation per line", async () => {
    const rows = [exportRow(), exportRow({ id: "0195f3a0-0000-7000-8000-000000000002", note: "бір\nекі" })];
    let claims = 0;
    const text = await collect(renderWebAnnotations(batches(rows), { baseUrl: BASE, total: 2, exportId: "0195f3a0-0000-7000-8000-00000000e001", onClaim: () => void claims++ }));
    const collection = JSON.parse(text);
    expect(collection).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "urn:uuid:0195f3a0-0000-7000-8000-00000000e001",
      type: "AnnotationCollection",
      total: 2,
      first: { type: "AnnotationPage", startIndex: 0 },
    });
    expect(collection.first.items.map((a: { id: string }) => a.id)).toEqual(rows.map((r) => `urn:uuid:${r.id}`));
    expect(text.split("\n")).toHaveLength(3);
    expect(claims).toBe(2);
  });
});
