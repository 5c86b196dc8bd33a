import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { getDocumentSchema } from "@/lib/document/schema";

type Marks = string[];

export const t = (text: string, marks: Marks = []): JSONContent => ({
  type: "text",
  text,
  ...(marks.length ? { marks: marks.map((m) => (m === "link" ? { type: m, attrs: { href: "https://example.kz" } } : { type: m })) } : {}),
});
export const br = (): JSONContent => ({ type: "hardBreak" });
export const p = (...content: (JSONContent | string)[]): JSONContent => ({
  type: "paragraph",
  ...(content.length ? { content: content.map((c) => (typeof c === "string" ? t(c) : c)) } : {}),
});
export const h = (level: number, text: string): JSONContent => ({
  type: "heading",
  attrs: { level },
  content: [t(text)],
});
export const li = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });
export const ul = (...items: JSONContent[]): JSONContent => ({ type: "bulletList", content: items });
export const ol = (...items: JSONContent[]): JSONContent => ({ type: "orderedList", content: items });
export const quote = (...content: JSONContent[]): JSONContent => ({ type: "blockquote", content });
export const hr = (): JSONContent => ({ type: "horizontalRule" });
export const code = (text: string): JSONContent => ({ type: "codeBlock", content: [t(text)] });
export const docJson = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
export const doc = (...content: JSONContent[]): ProseMirrorNode =>
  getDocumentSchema().nodeFromJSON(docJson(...content));

/** The definition of the plain text, straight from ProseMirror, used as the oracle. */
export const pmText = (node: ProseMirrorNode, from = 0, to = node.content.size) =>
  node.textBetween(from, to, "\n", "\n");
