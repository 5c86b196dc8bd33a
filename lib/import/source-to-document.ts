import type { JSONContent } from "@tiptap/core";
import { plainTextToDoc } from "@/lib/document/plain-text";
import { decodeText, normalizeLineEndings } from "./decode-text";
import { detectFormat } from "./detect-format";
import { checkDocxArchive } from "./check-docx-archive";
import { checkHtmlNesting, checkMarkdownNesting } from "./check-nesting";
import { docxToHtml } from "./docx-to-html";
import { htmlToDocument } from "./html-to-document";
import { ImportError } from "./import-error";
import { formatBytes, MAX_FILE_BYTES } from "./limits";
import { markdownToHtml } from "./markdown-to-html";

export type ImportSource = { kind: "paste"; text: string } | { kind: "file"; name: string; bytes: Uint8Array };

/**
 * Any accepted input to the article's ProseMirror JSON. Plain text (a paste or a .txt) becomes one
 * paragraph per line, so its text is stored exactly as given; every other format goes through
 * HTML, the sanitiser and the schema, each after a cheap check of its size and depth.
 *
 * Runs in the conversion worker (lib/import/off-thread), never on the request thread.
 */
export async function sourceToDocument(source: ImportSource): Promise<JSONContent> {
  if (source.kind === "paste") return plainTextToDoc(checkPastedText(source.text));

  const { bytes } = source;
  if (bytes.byteLength === 0) throw new ImportError("empty", "libImport.emptyFile");
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ImportError("too_large", "libImport.tooLarge", { params: { size: formatBytes(bytes.byteLength), limit: formatBytes(MAX_FILE_BYTES) } });
  }
  switch (detectFormat(source.name, bytes)) {
    case "text":
      return plainTextToDoc(decodeText(bytes));
    case "markdown": {
      const markdown = decodeText(bytes);
      checkMarkdownNesting(markdown);
      return checkedHtmlToDocument(markdownToHtml(markdown));
    }
    case "html":
      return checkedHtmlToDocument(decodeText(bytes));
    case "docx":
      await checkDocxArchive(bytes);
      return checkedHtmlToDocument(await docxToHtml(bytes));
  }
}

/** Every HTML, whether uploaded or converted from Markdown or Word, is measured before it is sanitised. */
function checkedHtmlToDocument(html: string): JSONContent {
  checkHtmlNesting(html);
  return htmlToDocument(html);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A paste is already a string; the checks that decoding does for files apply to it too. */
function checkPastedText(text: string): string {
  // PostgreSQL text cannot hold NUL, and a lone surrogate would be stored as U+FFFD.
  if (text.includes("\u0000") || LONE_SURROGATE.test(text)) {
    throw new ImportError("binary", "libImport.pasteNotText", { field: "text" });
  }
  return normalizeLineEndings(text.startsWith("\uFEFF") ? text.slice(1) : text);
}
