import { crc32, deflateRawSync } from "node:zlib";

// Hostile inputs for the import's limits, generated here so no large file is ever committed.

export interface ZipPart {
  name: string;
  data: Uint8Array | string;
  /** Declare this size in the zip's directory instead of the real one (a lying archive). */
  declaredSize?: number;
}

/** A minimal ZIP (deflate, no ZIP64): enough for mammoth, yauzl and the tests. */
export function makeZip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === "string" ? Buffer.from(part.data, "utf8") : Buffer.from(part.data);
    const compressed = deflateRawSync(raw);
    const name = Buffer.from(part.name, "utf8");
    const crc = crc32(raw);
    const size = part.declaredSize ?? raw.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressed.byteLength, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.byteLength, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.byteLength + name.byteLength + compressed.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A .docx whose document.xml is `body` (the inside of <w:body>). */
export function makeDocx(body: string, options: { declaredSize?: number } = {}): Uint8Array {
  return makeZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: RELS },
    { name: "word/document.xml", data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`, declaredSize: options.declaredSize },
  ]);
}

export const docxParagraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** The zip bomb: a small .docx whose document.xml inflates to about `megabytes` MB. */
export function docxBomb(megabytes = 50): Uint8Array {
  const paragraph = docxParagraph("1".repeat(1000));
  return makeDocx(paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / paragraph.length)));
}

/** The file: `<b><i>` `count` times, never closed (300,000 is 1.8 MB), nesting twice as deep. */
export const deeplyNestedHtml = (count: number) => "<b><i>".repeat(count) + "deep";

/** Block quotes nested `depth` deep on one line. */
export const deeplyNestedMarkdown = (depth: number) => ">".repeat(depth) + " deep\n";

/** The "1 " repeated: a million figures in 2 MB. */
export const millionNumbers = (count = 1_048_576) => "1 ".repeat(count);
