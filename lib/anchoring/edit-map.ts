import { diffTexts, hunksOf, type Hunk } from "./text-diff";

/**
 * Carries ranges of an article's previous text through an edit to its new text.
 *
 * A range is untouched when none of its characters was deleted or replaced and nothing was
 * inserted strictly inside it. Text inserted exactly at its start or end lies outside it: the
 * range keeps its characters and moves past what was inserted before it. (Whether such an
 * insertion glued letters onto its words is a question about words, asked by the caller; see
 * keepsWordEdges.)
 *
 * A diff is one reading of an edit, and an edit next to repeated characters has several equally
 * small readings: a sentence inserted before "120 адам", when it begins with "120 адам" itself,
 * may be read as inserted in the middle of the old words. Each hunk is therefore allowed to slide
 * along the unchanged text beside it (every slide is an equally small reading), and a range counts
 * as untouched when some slide of the hunks that reach into it takes them all out of it.
 */
export class EditMap {
  private readonly hunks: Hunk[];
  /** Shift of everything after hunk i (exclusive prefix sums of the length changes). */
  private readonly shiftBefore: number[];
  private readonly slideLeft: number[];
  private readonly slideRight: number[];

  constructor(
    readonly oldText: string,
    readonly newText: string,
  ) {
    this.hunks = hunksOf(diffTexts(oldText, newText));
    this.shiftBefore = [0];
    for (const h of this.hunks) this.shiftBefore.push(this.shiftBefore.at(-1)! + lengthChange(h));
    this.slideLeft = this.hunks.map((_, i) => this.maxSlideLeft(i));
    this.slideRight = this.hunks.map((_, i) => this.maxSlideRight(i));
  }

  /**
   * The same characters in the new text, or undefined when the edit reached into them. Of several
   * equally small readings, the first that `accept` takes, trying those closest to the diff's own.
   */
  map(
    start: number,
    end: number,
    accept: (range: { start: number; end: number }) => boolean = () => true,
  ): { start: number; end: number } | undefined {
    if (start >= end) return undefined;
    // Hunks first..last-1 reach into the range or touch its edges (an insertion right at its start
    // may equally be read as right after it, when the range reads the same as what was inserted).
    // Each must end up before or after it, in order, since hunks never pass each other: try each
    // split point between those that go before and those that go after.
    const first = this.firstEndingAtOrAfter(start);
    let last = first;
    while (last < this.hunks.length && this.hunks[last].oldStart <= end) last++;
    const readings: Array<{ start: number; end: number; slide: number }> = [];
    for (let split = first; split <= last; split++) {
      let shift = this.shiftBefore[first];
      let slide = 0;
      for (let i = first; i < last && slide !== Infinity; i++) {
        const h = this.hunks[i];
        const needed = Math.max(0, i < split ? h.oldEnd - start : end - h.oldStart);
        slide = needed > (i < split ? this.slideLeft[i] : this.slideRight[i]) ? Infinity : slide + needed;
        if (i < split) shift += lengthChange(h);
      }
      if (slide !== Infinity) readings.push({ start: start + shift, end: end + shift, slide });
    }
    readings.sort((a, b) => a.slide - b.slide);
    const quote = this.oldText.slice(start, end);
    for (const { start: s, end: e } of readings) {
      // Holds by construction; checked because a wrong offset here would silently mislabel a claim.
      if (this.newText.slice(s, e) !== quote) continue;
      if (accept({ start: s, end: e })) return { start: s, end: e };
    }
    return undefined;
  }

  /**
   * Where an old position roughly is in the new text, for a range the edit reached into: its
   * own place when unchanged text precedes it, else the start of the hunk it fell in, plus as far
   * into the hunk's new text as it was into the old.
   */
  approximate(position: number): number {
    const i = this.firstNotBefore(position);
    const h = this.hunks[i];
    if (h && h.oldStart < position) return h.newStart + Math.min(position - h.oldStart, h.newEnd - h.newStart);
    return position + this.shiftBefore[i];
  }

  private firstEndingAtOrAfter(position: number): number {
    let lo = 0;
    let hi = this.hunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hunks[mid].oldEnd < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first hunk that does not end at or before the position (binary search). */
  private firstNotBefore(position: number): number {
    let lo = 0;
    let hi = this.hunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hunks[mid].oldEnd <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * How far hunk i can move left and still describe the same edit: each step hands its last
   * character to the unchanged text after it, which needs that character to read the same in
   * both texts, and takes one from the unchanged text before it, which must not run out.
   */
  private maxSlideLeft(i: number): number {
    const h = this.hunks[i];
    const limit = h.oldStart - (i > 0 ? this.hunks[i - 1].oldEnd : 0);
    let m = 0;
    while (m < limit && this.oldText.charCodeAt(h.oldEnd - m - 1) === this.newText.charCodeAt(h.newEnd - m - 1)) m++;
    return m;
  }

  private maxSlideRight(i: number): number {
    const h = this.hunks[i];
    const limit = (i + 1 < this.hunks.length ? this.hunks[i + 1].oldStart : this.oldText.length) - h.oldEnd;
    let m = 0;
    while (m < limit && this.oldText.charCodeAt(h.oldStart + m) === this.newText.charCodeAt(h.newStart + m)) m++;
    return m;
  }
}

function lengthChange(h: Hunk): number {
  return h.newEnd - h.newStart - (h.oldEnd - h.oldStart);
}
