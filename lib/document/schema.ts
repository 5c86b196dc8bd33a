import { getSchema, type Extensions, type JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";

/**
 * The extensions that define an article body's schema. The viewer/editor should use this same list:
 * stored JSON is parsed on the server with the schema built from it, and a node type the server does
 * not know makes `nodeFromJSON` throw instead of silently dropping text (which would shift every
 * claim offset after it).
 */
export const documentExtensions: Extensions = [StarterKit];

let cachedSchema: Schema | undefined;

/** Built lazily and once: `getSchema` resolves every extension, which is wasteful per request. */
export function getDocumentSchema(): Schema {
  cachedSchema ??= getSchema(documentExtensions);
  return cachedSchema;
}

/** Accepts either form so callers holding stored JSON need not know about the schema. */
export function toProseMirrorDoc(doc: ProseMirrorNode | JSONContent): ProseMirrorNode {
  if (isProseMirrorNode(doc)) return doc;
  return getDocumentSchema().nodeFromJSON(doc);
}

function isProseMirrorNode(doc: ProseMirrorNode | JSONContent): doc is ProseMirrorNode {
  // Duck-typed rather than `instanceof`: a second copy of prosemirror-model in the bundle would
  // otherwise make real nodes look like JSON.
  return typeof (doc as ProseMirrorNode).nodeSize === "number" && "textBetween" in doc;
}
