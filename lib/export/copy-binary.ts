/**
 * A reader of PostgreSQL's binary COPY format (`COPY (…) TO STDOUT (FORMAT binary)`), as the
 * bytes arrive, split anywhere: the export hands each row's field bytes on without decoding them
 * into strings. The format: an 11-byte signature, a 32-bit flags word, a 32-bit length of a header
 * extension (then that many bytes); each row a 16-bit field count, then per field a 32-bit length
 * (-1 for NULL) and its bytes; a field count of -1 ends the data. Integers are big-endian.
 *
 * Bounded: it holds at most the row that straddles two chunks, however large the result.
 */

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER_FIXED = SIGNATURE.length + 8;
/** Flags bit 16: each row carries an OID first, which no export's statement asks for. */
const HAS_OIDS = 1 << 16;

/**
 * Called once per row: field i is `bytes[starts[i], ends[i])`, or SQL NULL when `starts[i]` is -1.
 * The arrays are reused for the next row, and `bytes` may be a chunk of the stream: copy what
 * outlives the call.
 */
export type CopyRowHandler = (bytes: Buffer, starts: Int32Array, ends: Int32Array) => void;

export class CopyBinaryReader {
  private state: "header" | "rows" | "done" = "header";
  /** The start of an item (header or row) whose bytes have not all arrived. */
  private pending: Buffer | null = null;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(private readonly fieldCount: number) {
    this.starts = new Int32Array(fieldCount);
    this.ends = new Int32Array(fieldCount);
  }

  /** Reads the next chunk of the stream, calling `onRow` for every row it completes. */
  push(chunk: Buffer, onRow: CopyRowHandler): void {
    let at = 0;
    if (this.pending) {
      const held = this.pending.length;
      // Joined with only as much of the chunk as the straddling item needs, found by growing steps.
      let head = Math.min(chunk.length, 256);
      for (;;) {
        const joined = Buffer.concat([this.pending, chunk.subarray(0, head)]);
        const length = this.itemLength(joined, 0);
        if (length !== -1 && length <= joined.length) {
          this.pending = null;
          this.readItem(joined, 0, onRow);
          at = length - held;
          break;
        }
        if (head === chunk.length) {
          this.pending = joined;
          return;
        }
        head = Math.min(chunk.length, length !== -1 ? length - held : head * 4);
      }
    }
    while (at < chunk.length) {
      const length = this.itemLength(chunk, at);
      if (length === -1 || at + length > chunk.length) {
        // A copy, so that the chunk it came from is not kept alive by a few bytes of it.
        this.pending = Buffer.from(chunk.subarray(at));
        return;
      }
      at = this.readItem(chunk, at, onRow);
    }
  }

  /** Checks that the data ended where the format says it does. */
  end(): void {
    if (this.state !== "done" || this.pending) throw new Error("The COPY data ended part-way through a row");
  }

  /** The byte length of the item at `at`, or -1 while the bytes that tell it have not arrived. */
  private itemLength(bytes: Buffer, at: number): number {
    const available = bytes.length - at;
    if (this.state === "done") throw new Error("The COPY data goes on after its end marker");
    if (this.state === "header") {
      if (available >= SIGNATURE.length && !bytes.subarray(at, at + SIGNATURE.length).equals(SIGNATURE)) throw new Error("Not PostgreSQL's binary COPY format");
      return available < HEADER_FIXED ? -1 : HEADER_FIXED + bytes.readUInt32BE(at + HEADER_FIXED - 4);
    }
    if (available < 2) return -1;
    const fields = bytes.readInt16BE(at);
    if (fields === -1) return 2;
    if (fields !== this.fieldCount) throw new Error(`A COPY row has ${fields} fields where ${this.fieldCount} were asked for`);
    let offset = 2;
    for (let i = 0; i < fields; i++) {
      if (offset + 4 > available) return -1;
      const length = bytes.readInt32BE(at + offset);
      offset += 4 + (length > 0 ? length : 0);
    }
    return offset;
  }

  /** Reads the whole item at `at` (its bytes are all there); returns where the next one starts. */
  private readItem(bytes: Buffer, at: number, onRow: CopyRowHandler): number {
    if (this.state === "header") {
      if (bytes.readUInt32BE(at + SIGNATURE.length) & HAS_OIDS) throw new Error("The COPY data carries OIDs");
      this.state = "rows";
      return at + HEADER_FIXED + bytes.readUInt32BE(at + HEADER_FIXED - 4);
    }
    const fields = bytes.readInt16BE(at);
    if (fields === -1) {
      this.state = "done";
      return at + 2;
    }
    let offset = at + 2;
    for (let i = 0; i < fields; i++) {
      const length = bytes.readInt32BE(offset);
      offset += 4;
      if (length < 0) {
        this.starts[i] = -1;
        this.ends[i] = -1;
      } else {
        this.starts[i] = offset;
        this.ends[i] = offset + length;
        offset += length;
      }
    }
    onRow(bytes, this.starts, this.ends);
    return offset;
  }
}

/**
 * A one-dimensional text[] field of the binary format, read from `bytes` at `start`: a header of
 * dimensions, flags, element type, then per dimension its length and lower bound; each element a
 * 32-bit length (-1 for NULL) and its UTF-8 bytes.
 */
export function textArrayAt(bytes: Buffer, start: number): (string | null)[] {
  const dimensions = bytes.readInt32BE(start);
  if (dimensions === 0) return [];
  if (dimensions !== 1) throw new Error(`A text[] of ${dimensions} dimensions was not expected`);
  const length = bytes.readInt32BE(start + 12);
  const values: (string | null)[] = [];
  let at = start + 20;
  for (let i = 0; i < length; i++) {
    const size = bytes.readInt32BE(at);
    at += 4;
    if (size === -1) {
      values.push(null);
      continue;
    }
    values.push(bytes.toString("utf8", at, at + size));
    at += size;
  }
  return values;
}
