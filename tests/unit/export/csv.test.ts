import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvLines, guardFormula, renderCsv } from "@/lib/export/csv";
import { createRecordCounter } from "@/lib/export/record-counter";
import { EXPORT_CHOICES } from "@/lib/export/export-choices";
import { collect } from "../../support/file-chunks";
import { batches, exportRow } from "./rows";

const BASE = "https://derek.example.kz";

async function render(...groups: Parameters<typeof batches>) {
  let claims = 0;
  const text = await collect(renderCsv(batches(...groups), { baseUrl: BASE, onClaim: () => void claims++ }));
  return { text, claims };
}

describe("CSV field", () => {
  it.each([
    ["plain text stays bare", "Астана", "Астана"],
    ["nothing is empty", null, ""],
    ["a comma is quoted", "1 200, шамамен", '"1 200, шамамен"'],
    ["quotes are doubled", 'ол "63,3" деді', '"ол ""63,3"" деді"'],
    ["a lone LF is quoted", "бір\nекі", '"бір\nекі"'],
    ["a lone CR is quoted", "бір\rекі", '"бір\rекі"'],
    ["an empty string is an empty field", "", ""],
  ])("%s", (_name, value, expected) => {
    // A record of the field between two others, so quoting is seen in place.
    expect(csvLines([["a", value, "b"]])).toBe(`a,${expected},b\r\n`);
  });
});

describe("CSV export", () => {
  it("starts with a UTF-8 byte-order mark and a header row", async () => {
    const { text } = await render([]);
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1)).toBe(`${CSV_COLUMNS.map((c) => c.header).join(",")}\r\n`);
  });

  it("keeps Kazakh text, commas, quotes and line breaks intact through a CSV parser", async () => {
    const quote = "«Нұр Отан» 1 200 адамды, яғни\n\"көпшілікті\" жинады";
    const note = "Дереккөз: ҚР ІІМ, 2026 ж.\r\nЕкінші жол";
    const { text, claims } = await render(
      [exportRow({ quote, note, claimant: "Әлихан Сміайылов, премьер" })],
      [exportRow({ id: "0195f3a0-0000-7000-8000-000000000002", rating: "UNVERIFIABLE", value: "-3.5", sources: [] })],
    );
    expect(claims).toBe(2);
    const records: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      quote,
      note,
      claimant: "Әлихан Сміайылов, премьер",
      verdict: "Mostly true",
      rating_value: "4",
      claim_url: `${BASE}/review/0195f3a0-0000-7000-8000-000000000001`,
      sources: "supports: ОСК хаттамасы https://election.kz/protocol",
      article_title: "Сайлау қорытындысы",
    });
    // Unverifiable has a verdict but no number; a negative figure stays a number.
    expect(records[1]).toMatchObject({ verdict: "Unverifiable", rating_value: "", value: "-3.5", sources: "" });
  });

  it("writes figures in their shortest exact form, not with the database's six decimals", async () => {
    const { text } = await render([
      exportRow({ value: "4000.000000" }),
      exportRow({ value: null, min: "0.100000", max: "12345678901234567.500000" }),
    ]);
    const records: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(records.map((r) => [r.value, r.min, r.max])).toEqual([
      ["4000", "", ""],
      ["", "0.1", "12345678901234567.5"],
    ]);
  });

  it("quotes a field whose only special character is a line break", async () => {
    const { text } = await render([exportRow({ quote: "бір\nекі", note: "үш\rтөрт" })]);
    // Spreadsheets end a row at any of CR, LF or CRLF outside quotes; read the file the same way.
    const records: Record<string, string>[] = parse(text, { bom: true, columns: true, record_delimiter: ["\r\n", "\n", "\r"] });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ quote: "бір\nекі", note: "үш\rтөрт" });
  });

  it("writes one record per claim that the progress counter counts exactly", async () => {
    const rows = [exportRow({ quote: "бір\nекі" }), exportRow({ note: 'a "b"\nc' }), exportRow()];
    const { text } = await render(rows.slice(0, 2), rows.slice(2));
    const counter = createRecordCounter(EXPORT_CHOICES.find((c) => c.id === "csv")!.counting);
    counter.push(text);
    expect(counter.records).toBe(3);
  });

  it("defuses typed text a spreadsheet would run as a formula", async () => {
    const { text } = await render([exportRow({ quote: '=HYPERLINK("http://x","click")', claimant: "@akorda_press", note: "+7 701" })]);
    const [record]: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(record.quote).toBe(`'=HYPERLINK("http://x","click")`);
    expect(record.claimant).toBe("'@akorda_press");
    expect(record.note).toBe("'+7 701");
    expect(guardFormula("63,3 пайыз")).toBe("63,3 пайыз");
    expect(guardFormula("-5 градус")).toBe("'-5 градус");
  });
});
