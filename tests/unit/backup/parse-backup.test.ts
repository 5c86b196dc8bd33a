import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_RECORD_DEPTH } from "@/lib/backup/limits";
import { BackupParser, type ParsedRecord } from "@/lib/backup/parse-backup";
import { MAX_LINE_BYTES, type BackupInput } from "@/lib/backup/read-lines";
import { RestoreRefusedError } from "@/lib/backup/restore-errors";

const USER = "0194d1c4-5b6a-7c2e-8f00-000000000001";
const ARTICLE = "0194d1c4-5b6a-7c2e-8f00-000000000002";
const CLAIM = "0194d1c4-5b6a-7c2e-8f00-000000000003";
const OTHER_CLAIM = "0194d1c4-5b6a-7c2e-8f00-000000000004";
const BODY = "Алматыда 400 адам ұсталды.";

const header = { type: "derek-export", version: 1, exportedAt: "2026-11-27T09:00:00.000Z", filter: {}, complete: true };
const user = { type: "user", id: USER, email: "editor@derek.local", name: "Әйгерім", role: "EDITOR" };
const article = {
  type: "article",
  id: ARTICLE,
  title: "Ұстаулар",
  outlet: null,
  sourceUrl: null,
  publishedAt: "2022-01-05",
  language: "kk",
  bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: BODY }] }] },
  bodyText: BODY,
  contentHash: createHash("sha256").update(BODY).digest("hex"),
  revision: 1,
  createdById: USER,
  createdAt: "2026-11-27T08:00:00.000Z",
  updatedAt: "2026-11-27T08:00:00.000Z",
  dismissedSuggestions: [],
};
const claim = (id: string, fields: Record<string, unknown> = {}) => ({
  type: "claim",
  id,
  articleId: ARTICLE,
  start: 9,
  end: 17,
  quote: "400 адам",
  prefix: "Алматыда ",
  suffix: " ұсталды.",
  anchorStatus: "ANCHORED",
  category: "DETENTION_COUNT",
  value: "400.000000",
  min: null,
  max: null,
  unit: "адам",
  qualifier: "EXACT",
  claimant: null,
  eventDate: "2022-01-05",
  note: null,
  status: "DRAFT",
  rating: null,
  version: 1,
  authorId: USER,
  assigneeId: null,
  groupId: null,
  queuedAt: null,
  createdAt: "2026-11-27T08:30:00.000Z",
  updatedAt: "2026-11-27T08:30:00.000Z",
  deletedAt: null,
  sources: [],
  ...fields,
});
const trailer = (counts: Record<string, number> = {}) => ({
  type: "end",
  claims: 2,
  users: 1,
  articles: 1,
  revisions: 0,
  sources: 0,
  groups: 0,
  reviews: 0,
  comments: 0,
  exclusions: 0,
  ...counts,
});

/** The lines of a small valid export: header, user, article, two claims, trailer (lines 1–6). */
const validLines = () => [header, user, article, claim(CLAIM), claim(OTHER_CLAIM), trailer()].map((record) => JSON.stringify(record));
const file = (lines: string[]) => `${lines.join("\n")}\n`;

async function readAll(input: BackupInput): Promise<{ parser: BackupParser; records: ParsedRecord[] }> {
  const parser = new BackupParser(input);
  const records: ParsedRecord[] = [];
  for await (const record of parser.records()) records.push(record);
  return { parser, records };
}

async function refusal(input: BackupInput): Promise<RestoreRefusedError> {
  const error = await readAll(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RestoreRefusedError);
  return error as RestoreRefusedError;
}

/** The valid file with line `number` (1-based) replaced. */
const withLine = (number: number, text: string) => file(validLines().map((line, i) => (i === number - 1 ? text : line)));

describe("reading a valid export", () => {
  it("yields its records with their line numbers, the header, the counts and the sha256 of the bytes", async () => {
    const input = file(validLines());
    const { parser, records } = await readAll(input);
    expect(records.map((r) => [r.line, r.record.type])).toEqual([
      [2, "user"],
      [3, "article"],
      [4, "claim"],
      [5, "claim"],
    ]);
    expect(parser.header).toMatchObject({ version: 1, complete: true });
    expect(parser.counts).toMatchObject({ users: 1, articles: 1, claims: 2 });
    expect(parser.lines).toBe(6);
    expect(parser.digest()).toEqual({ sha256: createHash("sha256").update(input).digest("hex"), bytes: Buffer.byteLength(input) });
  });

  it("reads the same from a stream cut anywhere, even inside a Kazakh letter, with or without CRLF", async () => {
    const bytes = Buffer.from(file(validLines()).replace(/\n/g, "\r\n"));
    const cyrillic = bytes.indexOf(Buffer.from("Әйгерім")) + 1; // the middle of "Ә"
    async function* chunks() {
      for (const [from, to] of [[0, 5], [5, cyrillic], [cyrillic, cyrillic + 7], [cyrillic + 7, bytes.length]]) yield bytes.subarray(from, to);
    }
    const { records } = await readAll(chunks());
    expect(records).toHaveLength(4);
    expect(records[0].record).toMatchObject({ name: "Әйгерім" });
  });

  it("lower-cases ids and emails as Derek stores them", async () => {
    const { records } = await readAll(withLine(2, JSON.stringify({ ...user, id: USER.toUpperCase(), email: "Editor@Derek.Local" })));
    expect(records[0].record).toMatchObject({ id: USER, email: "editor@derek.local" });
  });

  it("stores the unit words of a backup made before units were codes as codes, and other units as typed", async () => {
    const { records } = await readAll(file(validLines()));
    expect(records[2].record).toMatchObject({ type: "claim", unit: "person" });
    const typed = await readAll(withLine(4, JSON.stringify(claim(CLAIM, { unit: "гектар жер" }))));
    expect(typed.records[2].record).toMatchObject({ unit: "гектар жер" });
  });

  it("reads a claim's statement, and a claim written before statements existed as having none", async () => {
    const stated = await readAll(withLine(4, JSON.stringify(claim(CLAIM, { statement: "Сот 5 жылға бас бостандығынан айырды." }))));
    expect(stated.records[2].record).toMatchObject({ type: "claim", statement: "Сот 5 жылға бас бостандығынан айырды." });
    const { records } = await readAll(file(validLines()));
    expect(records[2].record).toMatchObject({ type: "claim", statement: null });
  });
});

describe("refusing a file, naming the line", () => {
  it("refuses another version of the format at line 1", async () => {
    const error = await refusal(withLine(1, JSON.stringify({ ...header, version: 2 })));
    expect(error).toMatchObject({ line: 1, refusal: "version" });
    expect(error.message).toBe("Line 1: This file is in version 2 of Derek's export format; this Derek reads version 1 only. Nothing was restored.");
  });

  it("refuses a file that does not start with a header at line 1", async () => {
    expect(await refusal(file(validLines().slice(1)))).toMatchObject({ line: 1, refusal: "malformed" });
    expect(await refusal('{"title":"a CSV or another JSON file"}\n')).toMatchObject({ line: 1, refusal: "malformed" });
    expect(await refusal("")).toMatchObject({ line: 1, refusal: "malformed" });
  });

  it("refuses a line that is not JSON", async () => {
    const error = await refusal(withLine(4, '{"type":"claim",'));
    expect(error).toMatchObject({ line: 4, refusal: "malformed" });
    expect(error.message).toMatch(/^Line 4: This line is not valid JSON/);
  });

  it("refuses a file without its end record after the last line read", async () => {
    const error = await refusal(file(validLines().slice(0, -1)));
    expect(error).toMatchObject({ line: 6, refusal: "truncated" });
    expect(error.message).toContain("cut short");
    // Cut inside a line: that line is not JSON.
    const whole = file(validLines());
    expect(await refusal(whole.slice(0, whole.indexOf(CLAIM) + 10))).toMatchObject({ line: 4, refusal: "malformed" });
  });

  it("refuses an end record whose counts differ from the lines read", async () => {
    const error = await refusal(withLine(6, JSON.stringify(trailer({ claims: 3 }))));
    expect(error).toMatchObject({ line: 6, refusal: "truncated" });
    expect(error.message).toContain("3 claims announced, 2 found");
  });

  it("refuses a record with a bad field, naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ value: "четыреста" }, 'field "value"'],
      [{ value: 400 }, 'field "value"'],
      [{ status: "PUBLISHED" }, 'field "status"'],
      [{ start: 20, end: 10 }, 'field "end"'],
      [{ createdAt: "вчера" }, 'field "createdAt"'],
      [{ eventDate: "2022-13-45" }, 'field "eventDate"'],
      [{ articleId: "not-an-id" }, 'field "articleId"'],
      [{ version: 0 }, 'field "version"'],
      [{ start: 2 ** 31 }, 'field "start"'],
      [{ quote: "a\u0000b" }, 'field "quote"'],
      [{ sources: [{ sourceId: USER, stance: "SUPPORTS", note: null, passage: null, createdAt: "2026-11-27T08:30:00.000Z" }, { sourceId: USER, stance: "CONTEXT", note: null, passage: null, createdAt: "2026-11-27T08:30:00.000Z" }] }, 'field "sources.1.sourceId"'],
      // A field this version does not know: the file comes from another version, or was edited.
      [{ confidence: 0.9 }, "record"],
    ];
    for (const [fields, where] of cases) {
      const error = await refusal(withLine(5, JSON.stringify(claim(OTHER_CLAIM, fields))));
      expect(error, JSON.stringify(fields)).toMatchObject({ line: 5, refusal: "malformed" });
      expect(error.message, JSON.stringify(fields)).toContain(`In a claim record, ${where}`);
    }
  });

  it("refuses a character the database cannot store anywhere in an article's document, a key included", async () => {
    const paragraph = (fields: Record<string, unknown>) => ({ ...article, bodyJson: { type: "doc", content: [{ type: "paragraph", ...fields }] } });
    const cases: [Record<string, unknown>, string][] = [
      [{ content: [{ type: "text", text: "a\u0000b" }] }, "bodyJson.content.0.content.0.text"],
      [{ attrs: { "a\u0000b": 1 } }, "bodyJson.content.0.attrs"],
    ];
    for (const [fields, path] of cases) {
      const error = await refusal(withLine(3, JSON.stringify(paragraph(fields))));
      expect(error, path).toMatchObject({ line: 3, refusal: "malformed" });
      expect(error.message, path).toContain(`In an article record, field "${path}": Contains a character the database cannot store (NUL or a broken surrogate pair).`);
    }
  });

  it("refuses a missing field", async () => {
    const { quote: _quote, ...withoutQuote } = claim(OTHER_CLAIM);
    const error = await refusal(withLine(5, JSON.stringify(withoutQuote)));
    expect(error).toMatchObject({ line: 5, refusal: "malformed" });
    expect(error.message).toContain('field "quote"');
  });

  it("refuses a content hash that is not a sha256", async () => {
    const error = await refusal(withLine(3, JSON.stringify({ ...article, contentHash: "abc" })));
    expect(error).toMatchObject({ line: 3, refusal: "malformed" });
  });

  it("refuses a pair of claims kept apart that is not stored in id order", async () => {
    const lines = validLines();
    const pair = { type: "exclusion", claimAId: OTHER_CLAIM, claimBId: CLAIM, createdById: null, createdAt: "2026-11-27T09:00:00.000Z" };
    const error = await refusal(file([...lines.slice(0, 5), JSON.stringify(pair), JSON.stringify(trailer({ exclusions: 1 }))]));
    expect(error).toMatchObject({ line: 6, refusal: "malformed" });
    expect(error.message).toContain('field "claimBId"');
  });

  it("refuses an unknown record type, a second header, an empty line and anything after the end", async () => {
    expect(await refusal(withLine(4, JSON.stringify({ type: "auditEvent", id: 1 })))).toMatchObject({ line: 4, refusal: "malformed" });
    expect(await refusal(withLine(4, "[1, 2]"))).toMatchObject({ line: 4, refusal: "malformed" });
    expect(await refusal(withLine(4, JSON.stringify(header)))).toMatchObject({ line: 4, refusal: "malformed" });
    expect(await refusal(withLine(4, "   "))).toMatchObject({ line: 4, refusal: "malformed" });
    expect(await refusal(file([...validLines(), JSON.stringify(user)]))).toMatchObject({ line: 7, refusal: "malformed" });
    // Blank lines after the end record are only whitespace an editor added.
    await expect(readAll(`${file(validLines())}\n\n`)).resolves.toBeTruthy();
  });

  it("refuses bytes that are not UTF-8 on the line they are on", async () => {
    const lines = validLines().map((line) => Buffer.from(`${line}\n`));
    lines[2] = Buffer.concat([lines[2].subarray(0, 40), Buffer.from([0xff, 0xfe]), lines[2].subarray(40)]);
    expect(await refusal(Buffer.concat(lines))).toMatchObject({ line: 3, refusal: "malformed" });
  });
});

describe("bounding a file before the work", () => {
  it("refuses a line without end once it passes the limit, without reading the rest of the file", async () => {
    const MB = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    async function* endless() {
      yield Buffer.from(`${validLines()[0]}\n{"type":"user","name":"`);
      // Four times the limit, generated: the reader must stop asking long before the end.
      for (let i = 0; i < (4 * MAX_LINE_BYTES) / MB.length; i++) {
        sent += MB.length;
        yield MB;
      }
    }
    const error = await refusal(endless());
    expect(error).toMatchObject({ line: 2, refusal: "malformed" });
    expect(error.message).toBe(`Line 2: This line is longer than ${MAX_LINE_BYTES / (1024 * 1024)} MB; it is not a record of a Derek export. Nothing was restored.`);
    expect(sent).toBeLessThanOrEqual(MAX_LINE_BYTES + MB.length);
  });

  it("refuses a record nested deeper than the limit before validating it (no stack overflow)", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const line = JSON.stringify({ ...article, bodyJson: { type: "doc", content: [] } }).replace('"content":[]', `"content":${deep}`);
    const error = await refusal(withLine(3, line));
    expect(error).toMatchObject({ line: 3, refusal: "malformed" });
    expect(error.message).toBe(`Line 3: This record nests deeper than ${MAX_RECORD_DEPTH} levels; no record of a Derek export does. Nothing was restored.`);
    // A document nested as deep as an article ever is passes.
    let node: unknown = { type: "paragraph", content: [{ type: "text", text: BODY }] };
    for (let i = 0; i < 100; i++) node = { type: "blockquote", content: [node] };
    await expect(readAll(withLine(3, JSON.stringify({ ...article, bodyJson: { type: "doc", content: [node] } })))).resolves.toBeTruthy();
  });

  it("refuses more records than the limit at the first one over it", async () => {
    const lines = validLines();
    const parser = new BackupParser(file(lines), 3);
    const atLimit = (input: string) => (async () => {
      for await (const _ of new BackupParser(input, 3).records());
    })();
    const error = await (async () => {
      for await (const _ of parser.records());
    })().then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ line: 5, refusal: "malformed", message: "Line 5: The file holds more than 3 records; no export of Derek restores that many at once. Nothing was restored." });
    // Exactly at the limit: the end record is not one of them.
    await expect(atLimit(file([...lines.slice(0, 4), JSON.stringify(trailer({ claims: 1 }))]))).resolves.toBeUndefined();
  });
});
