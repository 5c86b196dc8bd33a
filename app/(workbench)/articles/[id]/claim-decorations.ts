import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { getTextIndex } from "@/lib/document/text-index";

export interface Highlight {
  id: string;
  start: number;
  end: number;
  kind: "claim" | "suggestion";
  className: string;
  title: string;
}

export const highlightsKey = new PluginKey<DecorationSet>("derek-highlights");

function buildDecorations(doc: ProseMirrorNode, highlights: readonly Highlight[]): DecorationSet {
  const index = getTextIndex(doc);
  const decorations = highlights.flatMap((h) => {
    if (h.end > index.text.length || h.start >= h.end) return [];
    const { from, to } = index.textRangeToPosRange({ start: h.start, end: h.end });
    // Overlapping inline decorations each get their own nested span, so nested and
    // overlapping claims both show and both carry their id. `nodeName` is what makes ProseMirror
    // do that: without it, all inline decorations on a piece of text are merged into one span
    // whose `data-*-id` and title are the last decoration's, and a claim that lies inside another
    // (or on the same words) has no element of its own.
    return [Decoration.inline(from, to, { nodeName: "span", class: h.className, title: h.title, [`data-${h.kind}-id`]: h.id })];
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Draws claims and suggestions over the read-only article. The highlights come from React state
 * through `getHighlights`; dispatching a transaction with this plugin's meta redraws them.
 */
export function highlightsExtension(getHighlights: () => readonly Highlight[]) {
  return Extension.create({
    name: "derekHighlights",
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key: highlightsKey,
          state: {
            init: (_config, state) => buildDecorations(state.doc, getHighlights()),
            apply: (tr, old) => (tr.getMeta(highlightsKey) ? buildDecorations(tr.doc, getHighlights()) : old.map(tr.mapping, tr.doc)),
          },
          props: { decorations: (state) => highlightsKey.getState(state) },
        }),
      ];
    },
  });
}
