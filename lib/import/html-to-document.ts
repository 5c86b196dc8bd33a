import type { JSONContent } from "@tiptap/core";
import { DOMParser as ProseMirrorDOMParser } from "@tiptap/pm/model";
import { parseHTML } from "linkedom";
import { getDocumentSchema } from "@/lib/document/schema";
import { sanitizeArticleHtml } from "./sanitize-article-html";

/**
 * Untrusted HTML to the article's ProseMirror JSON. The HTML is sanitised first (so only allowed
 * tags reach the parser), then parsed by ProseMirror's own DOMParser with the article schema, the
 * same rules the viewer uses when it reads HTML, on linkedom's server-side DOM (no browser, no
 * scripts run). ProseMirror collapses source whitespace the way a browser renders it.
 */
export function htmlToDocument(html: string): JSONContent {
  const clean = sanitizeArticleHtml(html);
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${clean}</body></html>`);
  const parser = ProseMirrorDOMParser.fromSchema(getDocumentSchema());
  // linkedom's nodes implement the parts of the DOM interface ProseMirror reads.
  const doc = parser.parse(document.body as unknown as Node);
  return doc.toJSON() as JSONContent;
}
