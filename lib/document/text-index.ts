import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { BLOCK_SEPARATOR, LEAF_TEXT } from "./doc-text";
import { toProseMirrorDoc } from "./schema";

/** A plain-text range in UTF-16 code units, end exclusive (the claim's TextPositionSelector). */
export interface TextRange {
  start: number;
  end: number;
}

/** A ProseMirror range, as used for decorations and selections. */
export interface PosRange {
  from: number;
  to: number;
}

/**
 * Which way a position that sits between textblocks (e.g. just inside a list item, before its
 * paragraph opens) resolves: -1 to the end of the text before it, 1 to the start of the text after.
 */
export type Assoc = -1 | 1;

/**
 * A stretch where plain-text offsets and positions advance together: offsets `t..t+len` are
 * positions `p..p+len`. Both count UTF-16 code units (ProseMirror's text node size is
 * `text.length`), and a hard break is one position and one "\n", so a whole textblock is usually a
 * single run. Runs are sorted by both `t` and `p`.
 */
interface Run {
  t: number;
  p: number;
  len: number;
}

export interface TextIndex {
  /** Equal to `docToPlainText(doc)`. */
  readonly text: string;
  textOffsetToPos(offset: number): number;
  posToTextOffset(pos: number, assoc?: Assoc): number;
  textRangeToPosRange(range: TextRange): PosRange;
  posRangeToTextRange(range: PosRange): TextRange;
}

/**
 * One walk over the document, mirroring `Fragment.textBetween`, then every conversion is a binary
 * search: converting thousands of claims costs O(n + m log n) rather than a walk per claim.
 */
export function createTextIndex(docInput: ProseMirrorNode | JSONContent): TextIndex {
  const doc = toProseMirrorDoc(docInput);
  const runs: Run[] = [];
  let text = "";
  let first = true;

  const push = (run: Run) => {
    const last = runs[runs.length - 1];
    if (last && last.t + last.len === run.t && last.p + last.len === run.p) last.len += run.len;
    else runs.push(run);
  };

  doc.nodesBetween(0, doc.content.size, (node, pos) => {
    const nodeText = node.isText ? node.text! : node.isLeaf ? LEAF_TEXT : "";
    if (node.isBlock && ((node.isLeaf && nodeText) || node.isTextblock)) {
      if (first) first = false;
      else text += BLOCK_SEPARATOR;
    }
    // An empty textblock still needs a run so its line's offset maps inside it.
    if (node.isTextblock) push({ t: text.length, p: pos + 1, len: 0 });
    if (nodeText) {
      // Leaf nodes other than text are one position wide; LEAF_TEXT is one code unit.
      push({ t: text.length, p: pos, len: nodeText.length });
      text += nodeText;
    }
  });

  return new RunIndex(text, runs, doc.content.size);
}

class RunIndex implements TextIndex {
  constructor(
    readonly text: string,
    private readonly runs: Run[],
    private readonly docSize: number,
  ) {}

  textOffsetToPos(offset: number): number {
    const o = clamp(offset, 0, this.text.length);
    const i = lastIndexAtOrBefore(this.runs, o, (r) => r.t);
    if (i < 0) return this.runs[0]?.p ?? 0;
    const run = this.runs[i];
    if (o <= run.t + run.len) return run.p + (o - run.t);
    // Only reachable with inline nodes that have content (not in StarterKit): no offset lies in a gap.
    return this.runs[i + 1]?.p ?? run.p + run.len;
  }

  posToTextOffset(pos: number, assoc: Assoc = 1): number {
    const p = clamp(pos, 0, this.docSize);
    const i = lastIndexAtOrBefore(this.runs, p, (r) => r.p);
    if (i < 0) return 0;
    const run = this.runs[i];
    if (p <= run.p + run.len) return run.t + (p - run.p);
    if (assoc < 0) return run.t + run.len;
    return this.runs[i + 1]?.t ?? this.text.length;
  }

  textRangeToPosRange({ start, end }: TextRange): PosRange {
    return { from: this.textOffsetToPos(start), to: this.textOffsetToPos(end) };
  }

  /**
   * Resolves the edges inward so a selection that starts or ends on block structure (triple click,
   * a whole list item) does not pick up a paragraph break that the reader did not see selected.
   */
  posRangeToTextRange({ from, to }: PosRange): TextRange {
    const start = this.posToTextOffset(Math.min(from, to), 1);
    const end = this.posToTextOffset(Math.max(from, to), -1);
    return { start, end: Math.max(start, end) };
  }
}

const cache = new WeakMap<ProseMirrorNode, TextIndex>();

/**
 * Cached per node: ProseMirror nodes are immutable, so an index can never go stale, and the
 * one-call helpers below stay cheap when called once per claim. JSON is not cached because it can
 * be mutated in place.
 */
export function getTextIndex(doc: ProseMirrorNode | JSONContent): TextIndex {
  const node = toProseMirrorDoc(doc);
  let index = cache.get(node);
  if (!index) {
    index = createTextIndex(node);
    cache.set(node, index);
  }
  return index;
}

export function textOffsetToPos(doc: ProseMirrorNode | JSONContent, offset: number): number {
  return getTextIndex(doc).textOffsetToPos(offset);
}

export function posToTextOffset(
  doc: ProseMirrorNode | JSONContent,
  pos: number,
  assoc: Assoc = 1,
): number {
  return getTextIndex(doc).posToTextOffset(pos, assoc);
}

export function textRangeToPosRange(doc: ProseMirrorNode | JSONContent, range: TextRange): PosRange {
  return getTextIndex(doc).textRangeToPosRange(range);
}

export function posRangeToTextRange(doc: ProseMirrorNode | JSONContent, range: PosRange): TextRange {
  return getTextIndex(doc).posRangeToTextRange(range);
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

function lastIndexAtOrBefore<T>(items: T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
