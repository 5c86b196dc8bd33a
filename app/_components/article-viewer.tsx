"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";

/** The article's text in tiptap, read-only: editors annotate it, they do not retype it. */
export function ArticleViewer({ content }: { content: JSONContent }) {
  const editor = useEditor({
    extensions: [StarterKit],
    content,
    editable: false,
    // Rendered on the server first; tiptap must wait for the browser to build its view.
    immediatelyRender: false,
  });
  return (
    <div className="article-viewer" data-testid="article-viewer" lang="kk">
      <EditorContent editor={editor} />
    </div>
  );
}
