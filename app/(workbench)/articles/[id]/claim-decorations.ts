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

/** The highlights as drawn: the set, and each highlight's decoration with what it was drawn from, by key and by highlight. */
export interface DrawnHighlights {
  set: DecorationSet;
  drawn: ReadonlyMap<string, Drawn>;
  byHighlight: WeakMap<Highlight, Drawn>;
}

interface Drawn {
  key: string;
  looks: string;
  decoration: Decoration;
}

export const highlightsKey = new PluginKey<DrawnHighlights>("derek-highlights");

const keyOf = (h: Highlight) => `${h.kind}:${h.id}`;
const looksOf = (h: Highlight) => `${h.start}:${h.end}:${h.className}:${h.title}`;

function decorate(doc: ProseMirrorNode, h: Highlight): Decoration | null {
  const index = getTextIndex(doc);
  if (h.end > index.text.length || h.start >= h.end) return null;
  const { from, to } = index.textRangeToPosRange({ start: h.start, end: h.end });
  // Overlapping inline decorations each get their own nested span, so nested and
  // overlapping claims both show and both carry their id. `nodeName` is what makes ProseMirror
  // do that: without it, all inline decorations on a piece of text are merged into one span
  // whose `data-*-id` and title are the last decoration's, and a claim that lies inside another
  // (or on the same words) has no element of its own.
  return Decoration.inline(from, to, { nodeName: "span", class: h.className, title: h.title, [`data-${h.kind}-id`]: h.id });
}

function drawAll(doc: ProseMirrorNode, highlights: readonly Highlight[]): DrawnHighlights {
  const drawn = new Map<string, Drawn>();
  const byHighlight = new WeakMap<Highlight, Drawn>();
  for (const h of highlights) {
    const decoration = decorate(doc, h);
    if (!decoration) continue;
    const entry = { key: keyOf(h), looks: looksOf(h), decoration };
    drawn.set(entry.key, entry);
    byHighlight.set(h, entry);
  }
  return { set: DecorationSet.create(doc, [...drawn.values()].map((d) => d.decoration)), drawn, byHighlight };
}

/**
 * The drawing brought up to date with only what changed: a highlight that looks as it did keeps
 * its decoration, and the set keeps the untouched paragraphs' parts as they were, so ProseMirror
 * compares and redraws only where a highlight was added, removed or changed. Rebuilding the
 * set for every save made a save on a long article cost as much as opening it.
 */
function redrawChanged(doc: ProseMirrorNode, old: DrawnHighlights, highlights: readonly Highlight[]): DrawnHighlights {
  const drawn = new Map<string, Drawn>();
  const byHighlight = new WeakMap<Highlight, Drawn>();
  const added: Decoration[] = [];
  for (const h of highlights) {
    // The same highlight object (claim-highlights.ts hands back one per unchanged claim) is drawn
    // as it was, unread: writing out 2,000 highlights' keys and looks on every save cost more
    // than drawing the one that changed.
    let entry = old.byHighlight.get(h);
    if (entry === undefined) {
      const key = keyOf(h);
      const looks = looksOf(h);
      const before = old.drawn.get(key);
      if (before && before.looks === looks) entry = before;
      else {
        const decoration = decorate(doc, h);
        if (!decoration) continue;
        entry = { key, looks, decoration };
        added.push(decoration);
      }
    }
    drawn.set(entry.key, entry);
    byHighlight.set(h, entry);
  }
  const removed: Decoration[] = [];
  for (const [key, { decoration }] of old.drawn) if (drawn.get(key)?.decoration !== decoration) removed.push(decoration);
  if (removed.length === 0 && added.length === 0) return { ...old, byHighlight };
  return { set: old.set.remove(removed).add(doc, added), drawn, byHighlight };
}

/**
 * Draws claims and suggestions over the read-only article. The highlights come from React state
 * through `getHighlights`; dispatching a transaction with this plugin's meta redraws what changed.
 */
export function highlightsPlugin(getHighlights: () => readonly Highlight[]) {
  return new Plugin<DrawnHighlights>({
    key: highlightsKey,
    state: {
      init: (_config, state) => drawAll(state.doc, getHighlights()),
      // The text is read-only (read-only-text.ts); should the document change anyway, positions are redrawn from scratch.
      apply: (tr, old) => (tr.docChanged ? drawAll(tr.doc, getHighlights()) : tr.getMeta(highlightsKey) ? redrawChanged(tr.doc, old, getHighlights()) : old),
    },
    props: { decorations: (state) => highlightsKey.getState(state)?.set },
  });
}

export function highlightsExtension(getHighlights: () => readonly Highlight[]) {
  return Extension.create({
    name: "derekHighlights",
    addProseMirrorPlugins: () => [highlightsPlugin(getHighlights)],
  });
}
