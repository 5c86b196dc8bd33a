import { describe, expect, it } from "vitest";
import { CLAIM_REVIEW_LINES } from "@/lib/export/claimreview";
import { CSV_LINES, csvLines, guardFormula } from "@/lib/export/csv";
import { storedLinesFit } from "@/lib/export/export-lines";
import { csvAccepts, hasPlaceholder, jsonEscape, PLACEHOLDERS } from "@/lib/export/line-placeholders";

// A stored line holds placeholders for the origin and the publisher; putting a value in must give
// the bytes the writer would have written with that value in place.

const ORIGINS = [
  "https://derek.example.kz",
  "http://localhost:3000",
  "https://тексеру.kz/derek",
  "https://derek.example.kz/a,b",
  'https://derek.example.kz/"x"',
  "https://derek.example.kz/a b",
  " https://derek.example.kz",
  "=HYPERLINK(1)",
  "-1",
  "+x",
  "@x",
  "https://derek.example.kz\n",
  "\uFEFFhttps://derek.example.kz",
  "",
];

describe("csvAccepts", () => {
  it.each(ORIGINS)("accepts %j only when the field is written as it is, at its start and after text", (origin) => {
    const asWritten = (field: string) => csvLines([[guardFormula(field)]]) === `${field}\r\n`;
    const fits = asWritten(`${origin}/review/1`) && asWritten(`x${origin}/review/1`);
    if (csvAccepts(origin)) expect(fits).toBe(true);
  });

  it("accepts the origins Derek is served from", () => {
    expect(csvAccepts("https://derek.example.kz")).toBe(true);
    expect(csvAccepts("http://localhost:3000")).toBe(true);
    expect(csvAccepts("https://тексеру.kz/derek")).toBe(true);
  });

  it("refuses what papaparse would quote or the formula guard would change", () => {
    for (const origin of ["https://a/b,c", 'https://a/"b"', "https://a b", "=x", "-1", "@x", "\uFEFFx", ""]) expect(csvAccepts(origin), origin).toBe(false);
  });
});

describe("jsonEscape", () => {
  it.each(['Тексеру "Дерек"', "a\\b", "line\nbreak\ttab", "emoji 🙂", "\u0001"])("writes %j as JSON.stringify writes it inside an object", (value) => {
    expect(JSON.stringify({ name: value })).toBe(`{"name":"${jsonEscape(value)}"}`);
  });
});

describe("placeholders", () => {
  it("are characters JSON.stringify leaves as they are", () => {
    for (const placeholder of Object.values(PLACEHOLDERS)) {
      expect(JSON.stringify(placeholder)).toBe(`"${placeholder}"`);
      expect(hasPlaceholder(`a${placeholder}b`)).toBe(true);
    }
    expect(hasPlaceholder("https://derek.example.kz")).toBe(false);
  });

  it("are never put in for one another: a request whose values hold one is written from rows", () => {
    expect(storedLinesFit(CLAIM_REVIEW_LINES, { baseUrl: "https://derek.example.kz", publisher: { name: `x${PLACEHOLDERS.origin}`, url: "https://a" } })).toBe(false);
    expect(storedLinesFit(CLAIM_REVIEW_LINES, { baseUrl: "https://derek.example.kz", publisher: { name: 'Тексеру "Дерек", Алматы', url: "https://a/?b=1,2" } })).toBe(true);
    // CSV writes no publisher: a name CSV would quote does not matter to it.
    expect(storedLinesFit(CSV_LINES, { baseUrl: "https://derek.example.kz", publisher: { name: "a, b", url: "https://a" } })).toBe(true);
    expect(storedLinesFit(CSV_LINES, { baseUrl: "https://derek.example.kz/a,b" })).toBe(false);
  });
});
