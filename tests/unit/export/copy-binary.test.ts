import { describe, expect, it } from "vitest";
import { CopyBinaryReader, textArrayAt } from "@/lib/export/copy-binary";

// PostgreSQL's binary COPY format, built here byte by byte as the server sends it, read back
// whatever the chunks it arrives in.

type Field = string | null;

function int16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeInt16BE(value);
  return bytes;
}

function int32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
}

function copyData(rows: Field[][], options: { flags?: number; extension?: Buffer; trailer?: boolean } = {}): Buffer {
  const extension = options.extension ?? Buffer.alloc(0);
  const parts = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), int32(options.flags ?? 0), int32(extension.length), extension];
  for (const row of rows) {
    parts.push(int16(row.length));
    for (const field of row) {
      if (field === null) parts.push(int32(-1));
      else {
        const bytes = Buffer.from(field, "utf8");
        parts.push(int32(bytes.length), bytes);
      }
    }
  }
  if (options.trailer !== false) parts.push(int16(-1));
  return Buffer.concat(parts);
}

function read(chunks: Buffer[], fieldCount: number): Field[][] {
  const reader = new CopyBinaryReader(fieldCount);
  const rows: Field[][] = [];
  for (const chunk of chunks) {
    reader.push(chunk, (bytes, starts, ends) => {
      const row: Field[] = [];
      for (let i = 0; i < fieldCount; i++) row.push(starts[i] === -1 ? null : bytes.toString("utf8", starts[i], ends[i]));
      rows.push(row);
    });
  }
  reader.end();
  return rows;
}

const ROWS: Field[][] = [
  ["Биыл 300 адам ұсталды\r\n", null, "1"],
  [null, "0195f3a0-0000-7000-8000-00000000e002", null],
  ["", "🙂 emoji \uFDD0", "42"],
  ['{"a":"тырнақша \\"x\\""}', null, null],
];

function splitAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of cuts) {
    chunks.push(bytes.subarray(from, cut));
    from = cut;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

describe("CopyBinaryReader", () => {
  const data = copyData(ROWS, { extension: Buffer.from("ext") });

  it("reads every row in one chunk, with NULLs, empty fields and multi-byte text", () => {
    expect(read([data], 3)).toEqual(ROWS);
  });

  it("reads the same rows whichever byte a chunk boundary falls on", () => {
    for (let cut = 1; cut < data.length; cut++) expect(read(splitAt(data, [cut]), 3), `cut at ${cut}`).toEqual(ROWS);
  });

  it("reads the same rows one byte at a time, and in empty chunks", () => {
    const bytes = [...data].map((byte) => Buffer.from([byte]));
    expect(read(bytes, 3)).toEqual(ROWS);
    expect(read([Buffer.alloc(0), ...splitAt(data, [5, 5, 40]), Buffer.alloc(0)], 3)).toEqual(ROWS);
  });

  it("reads a row far longer than the chunks it arrives in", () => {
    const long: Field[][] = [["а".repeat(20_000), null, "x"], ["b", "c", "d"]];
    const bytes = copyData(long);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) => bytes.subarray(i * 1000, (i + 1) * 1000));
    expect(read(chunks, 3)).toEqual(long);
  });

  it("reads no rows from an empty result", () => {
    expect(read([copyData([])], 2)).toEqual([]);
  });

  it("refuses data that is not the format, or ends early, or goes on after its end", () => {
    expect(() => read([Buffer.from("claim_id,claim_url\r\n".repeat(3))], 3)).toThrow(/binary COPY/);
    expect(() => read([copyData(ROWS, { flags: 1 << 16 })], 3)).toThrow(/OIDs/);
    expect(() => read([copyData(ROWS, { trailer: false })], 3)).toThrow(/part-way/);
    expect(() => read([data.subarray(0, data.length - 5)], 3)).toThrow(/part-way/);
    expect(() => read([data, int16(-1)], 3)).toThrow(/after its end/);
    expect(() => read([data], 2)).toThrow(/3 fields where 2/);
  });
});

/** A text[] as PostgreSQL's binary format writes it (one dimension, lower bound 1). */
function textArray(values: (string | null)[]): Buffer {
  const header = Buffer.alloc(20);
  header.writeInt32BE(values.length === 0 ? 0 : 1, 0);
  header.writeInt32BE(values.includes(null) ? 1 : 0, 4);
  header.writeInt32BE(25, 8);
  header.writeInt32BE(values.length, 12);
  header.writeInt32BE(1, 16);
  const elements = values.map((value) => {
    const length = Buffer.alloc(4);
    if (value === null) return (length.writeInt32BE(-1, 0), length);
    const bytes = Buffer.from(value);
    length.writeInt32BE(bytes.length, 0);
    return Buffer.concat([length, bytes]);
  });
  return Buffer.concat([header.subarray(0, values.length === 0 ? 12 : 20), ...elements]);
}

describe("textArrayAt", () => {
  it("reads a text[] field's elements, NULLs and multi-byte text included, where the field starts", () => {
    const values = ["{\"type\":\"claim\",\"quote\":\"4 000 адам 🇰🇿\"}\n", null, "", "a,b", "3"];
    const field = textArray(values);
    expect(textArrayAt(Buffer.concat([Buffer.from("prefix"), field]), 6)).toEqual(values);
  });

  it("reads an empty array, and refuses one of more dimensions", () => {
    expect(textArrayAt(textArray([]), 0)).toEqual([]);
    const twoDimensions = textArray(["x"]);
    twoDimensions.writeInt32BE(2, 0);
    expect(() => textArrayAt(twoDimensions, 0)).toThrow(/dimensions/);
  });
});
