import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { toProseMirrorDoc } from "./schema";

/**
 * Both separators are "\n" so that a hard break and a paragraph break read the same in the plain
 * text, and so that `plainTextToDoc` (one paragraph per line) round-trips exactly.
 */
export const BLOCK_SEPARATOR = "\n";
export const LEAF_TEXT = "\n";

/**
 * The plain text that claim offsets index into. Delegates to ProseMirror itself so this can never
 * drift from the definition; the offset index in text-index.ts is tested against it.
 */
export function docToPlainText(doc: ProseMirrorNode | JSONContent): string {
  const node = toProseMirrorDoc(doc);
  return node.textBetween(0, node.content.size, BLOCK_SEPARATOR, LEAF_TEXT);
}
