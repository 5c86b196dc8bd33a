import type { JSONContent } from "@tiptap/core";

/**
 * The article body is stored twice: as ProseMirror JSON for the viewer and as plain text for
 * search, claim offsets and the number reader. The plain text is the document's textblocks joined
 * by "\n" (ProseMirror's `textBetween(0, size, "\n")`), so one line of an imported text file is one
 * paragraph and the file's text survives the round trip exactly, blank lines and trailing spaces
 * included.
 */
export function plainTextToDoc(text: string): JSONContent {
  return {
    type: "doc",
    content: text.split("\n").map((line) =>
      line.length === 0
        ? { type: "paragraph" }
        : { type: "paragraph", content: [{ type: "text", text: line }] },
    ),
  };
}
