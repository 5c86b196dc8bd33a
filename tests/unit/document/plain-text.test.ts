import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docToPlainText } from "@/lib/document/doc-text";
import { plainTextToDoc } from "@/lib/document/plain-text";
import { getDocumentSchema } from "@/lib/document/schema";

const seedDir = join(__dirname, "../../../seed-texts");
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .slice(0, 20);

describe("plain text round trip", () => {
  it.each([
    "",
    "бір жол",
    "a\nb",
    "\n\nортасы\n\n",
    "  бос орындар  \n\t",
    "𝔸😀\n😀",
  ])("%j survives plainTextToDoc → docToPlainText", (text) => {
    expect(docToPlainText(plainTextToDoc(text))).toBe(text);
  });

  it.each(seeds)("seed text %s survives the round trip through a real ProseMirror node", (file) => {
    const text = readFileSync(join(seedDir, file), "utf8");
    const node = getDocumentSchema().nodeFromJSON(plainTextToDoc(text));
    node.check();
    expect(docToPlainText(node)).toBe(text);
  });
});
