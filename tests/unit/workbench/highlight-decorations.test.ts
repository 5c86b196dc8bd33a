import { EditorState } from "@tiptap/pm/state";
import type { Decoration } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import { highlightsKey, highlightsPlugin, type Highlight } from "@/app/(workbench)/articles/[id]/claim-decorations";
import { doc, p } from "../document/fixtures";

// A save on a long article must redraw the one highlight it changed: the others keep their
// decorations, so ProseMirror leaves their spans alone instead of comparing thousands anew.

const PARAGRAPHS = ["Алматыда 120 адам ұсталды.", "Сайлауға 63 пайыз қатысты.", "Бюджет 5 миллиард теңге."];
const ARTICLE = doc(...PARAGRAPHS.map((text) => p(text)));
// Plain-text offsets: the text index joins paragraphs with "\n".
const TEXT = PARAGRAPHS.join("\n");
const on = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
const claim = (id: string, words: string, className = "claim claim--draft"): Highlight => ({ id, ...on(words), kind: "claim", className, title: id });

type Drawing = { attrs: Record<string, string> };
const drawing = (d: Decoration) => (d as unknown as { type: Drawing }).type;

function viewerState(initial: Highlight[]) {
  let highlights = initial;
  let state = EditorState.create({ doc: ARTICLE, plugins: [highlightsPlugin(() => highlights)] });
  return {
    redraw(next: Highlight[]) {
      highlights = next;
      state = state.apply(state.tr.setMeta(highlightsKey, true));
    },
    /** Each claim's decoration, as what it draws: `find` hands out copies, its drawing is shared. */
    drawings(): Map<string, Drawing> {
      const set = highlightsKey.getState(state)!.set;
      return new Map(set.find().map((d) => [drawing(d).attrs["data-claim-id"], drawing(d)]));
    },
    words: (id: string) => {
      const found = highlightsKey.getState(state)!.set.find().find((d) => drawing(d).attrs["data-claim-id"] === id)!;
      return ARTICLE.textBetween(found.from, found.to);
    },
  };
}

const first = claim("a", "120");
const second = claim("b", "63 пайыз");
const third = claim("c", "5 миллиард");

describe("the viewer's highlights after a claim action", () => {
  it("draws the new claim and keeps every other decoration as it was", () => {
    const viewer = viewerState([first, second]);
    const before = viewer.drawings();
    viewer.redraw([first, second, third]);
    const after = viewer.drawings();
    expect([...after.keys()].sort()).toEqual(["a", "b", "c"]);
    expect(after.get("a")).toBe(before.get("a"));
    expect(after.get("b")).toBe(before.get("b"));
  });

  it("redraws a claim whose look changed, removes a deleted one, and leaves the rest", () => {
    const viewer = viewerState([first, second, third]);
    const before = viewer.drawings();
    viewer.redraw([first, claim("b", "63 пайыз", "claim claim--submitted claim--active")]);
    const after = viewer.drawings();
    expect([...after.keys()].sort()).toEqual(["a", "b"]);
    expect(after.get("a")).toBe(before.get("a"));
    expect(after.get("b")).not.toBe(before.get("b"));
    expect(after.get("b")!.attrs.class).toBe("claim claim--submitted claim--active");
  });

  it("does not read a highlight it was handed before: the cost of a save does not grow with the claims", () => {
    const reads: string[] = [];
    const watched = (h: Highlight) => new Proxy(h, { get: (target, key: keyof Highlight) => (reads.push(`${target.id}.${String(key)}`), target[key]) });
    const [a, b] = [watched(first), watched(second)];
    const viewer = viewerState([a, b]);
    const before = viewer.drawings();
    reads.length = 0;
    viewer.redraw([a, b, third]);
    expect(reads).toEqual([]);
    expect(viewer.drawings().get("a")).toBe(before.get("a"));
    expect(viewer.words("c")).toBe("5 миллиард");
  });

  it("keeps the decoration of a highlight rebuilt alike (a new object that looks the same)", () => {
    const viewer = viewerState([first, second]);
    const before = viewer.drawings();
    viewer.redraw([{ ...first }, second]);
    expect(viewer.drawings().get("a")).toBe(before.get("a"));
  });

  it("draws each highlight on its own words", () => {
    const viewer = viewerState([first]);
    viewer.redraw([first, third]);
    expect(viewer.words("a")).toBe("120");
    expect(viewer.words("c")).toBe("5 миллиард");
  });
});
