"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useLayoutEffect, useRef } from "react";
import { documentExtensions } from "@/lib/document/schema";
import { getTextIndex, type TextRange } from "@/lib/document/text-index";
import { highlightsExtension, highlightsKey, type Highlight } from "./claim-decorations";
import { ReadOnlyText } from "./read-only-text";
import { StaticDocument, type StaticHighlight } from "./static-document";

export interface ViewerSelection extends TextRange {
  /** Where to float the "Tag claim" button, in viewport coordinates. */
  anchor: { left: number; top: number };
}

interface AnnotatedViewerProps {
  content: JSONContent;
  highlights: readonly Highlight[];
  /** What the text shows before the editor is up: the highlights without their titles. */
  staticHighlights: readonly StaticHighlight[];
  onSelectionChange: (selection: ViewerSelection | null) => void;
  /** A click on the text: the plain-text offset under the pointer. */
  onTextClick: (offset: number) => void;
  onReady?: (api: ViewerApi) => void;
}

export interface ViewerApi {
  scrollToRange(range: TextRange): void;
  focus(): void;
  /** Collapses the selection to its end (focusing the text), so nothing is offered for tagging any more. */
  clearSelection(): void;
  /** The text selected right now, read from the editor rather than from the last event. */
  selection(): ViewerSelection | null;
}

function readSelection(editor: Editor): ViewerSelection | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const range = getTextIndex(editor.state.doc).posRangeToTextRange({ from, to });
  if (range.start >= range.end) return null;
  const end = editor.view.coordsAtPos(to);
  return { ...range, anchor: { left: end.left, top: end.bottom } };
}

export function AnnotatedViewer({ content, highlights, staticHighlights, onSelectionChange, onTextClick, onReady }: AnnotatedViewerProps) {
  const t = useTranslations("workbench.viewer");
  const highlightsRef = useRef(highlights);
  highlightsRef.current = highlights;
  const callbacks = useRef({ onSelectionChange, onTextClick });
  callbacks.current = { onSelectionChange, onTextClick };

  const editor = useEditor({
    extensions: [...documentExtensions, ReadOnlyText, highlightsExtension(() => highlightsRef.current)],
    content,
    immediatelyRender: false,
    editorProps: {
      attributes: { "aria-readonly": "true", "aria-label": t("label"), spellcheck: "false", lang: "kk" },
      handleClick: (view, pos) => {
        callbacks.current.onTextClick(getTextIndex(view.state.doc).posToTextOffset(pos, 1));
        return false;
      },
    },
    onSelectionUpdate: ({ editor: current }) => callbacks.current.onSelectionChange(readSelection(current)),
  });

  // In the commit that changed them, not after it: a passive effect runs after the browser has
  // drawn a frame of the new panel, and laying out and painting a long article for that frame
  // kept a saved claim's highlight out of it (and the selection was cleared before it was in).
  useLayoutEffect(() => {
    if (!editor) return;
    editor.view.dispatch(editor.state.tr.setMeta(highlightsKey, true));
  }, [editor, highlights]);

  useEffect(() => {
    if (!editor || !onReady) return;
    onReady({
      scrollToRange: (range) => {
        const { from } = getTextIndex(editor.state.doc).textRangeToPosRange(range);
        const { node } = editor.view.domAtPos(from);
        (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: "center", behavior: "smooth" });
      },
      focus: () => editor.view.focus(),
      clearSelection: () => {
        if (editor.state.selection.empty) return;
        // With focus: ProseMirror writes its selection to the page only while focused, and does not
        // read again a page selection it saw last (the same words selected anew would be missed).
        // Focus goes back to the text the selection was made in.
        editor.commands.setTextSelection(editor.state.selection.to);
        editor.view.focus();
      },
      selection: () => readSelection(editor),
    });
  }, [editor, onReady]);

  return (
    <div className="article-viewer" data-testid="article-viewer" lang="kk">
      {!editor && <StaticDocument content={content} highlights={staticHighlights} />}
      <EditorContent editor={editor} />
    </div>
  );
}
