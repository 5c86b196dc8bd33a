import type { PosRange } from "./text-index";

/** A stretch of a text node and the ranges that cover all of it. */
export interface CoveredPiece<T extends PosRange> extends PosRange {
  covering: T[];
}

/**
 * Cuts a document's text nodes, visited in order, into pieces at every edge of a set of ranges,
 * each piece with the ranges covering it: what ProseMirror does when it draws inline decorations,
 * for drawing the same highlights without it (the server's rendering of an article).
 *
 * One pass over the ranges for the whole document: they must be sorted by `from`, and `cut` must
 * be called with increasing, non-overlapping stretches.
 */
export class RangeSweep<T extends PosRange> {
  private next = 0;
  private active: T[] = [];

  constructor(private readonly ranges: readonly T[]) {}

  cut(from: number, to: number): CoveredPiece<T>[] {
    while (this.next < this.ranges.length && this.ranges[this.next].from < to) this.active.push(this.ranges[this.next++]);
    this.active = this.active.filter((r) => r.to > from && r.from < r.to);
    if (this.active.length === 0) return [{ from, to, covering: [] }];
    const edges = new Set([from, to]);
    for (const r of this.active) {
      if (r.from > from && r.from < to) edges.add(r.from);
      if (r.to > from && r.to < to) edges.add(r.to);
    }
    const sorted = [...edges].sort((a, b) => a - b);
    const pieces: CoveredPiece<T>[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [start, end] = [sorted[i], sorted[i + 1]];
      pieces.push({ from: start, to: end, covering: this.active.filter((r) => r.from <= start && r.to >= end) });
    }
    return pieces;
  }
}
