import DiffMatchPatch from "diff-match-patch";

/** One place the edit changed: old[oldStart..oldEnd) became new[newStart..newEnd). */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

export type Diff = DiffMatchPatch.Diff;

/**
 * How long the diff may look for the smallest edit, in seconds. Everyday edits are found in
 * milliseconds (the common start and end are cut off first); only a text rewritten throughout
 * reaches this bound, and then the rest is reported as replaced whole, so its claims go to the
 * context search as they did before there was a diff. The bound is wall time, so it must stay
 * well above what an ordinary revision needs on a busy machine (the property test's hardest
 * revisions took up to 0.11 s at a load of 13 on two cores) or results would depend on load; a
 * rewritten 200,000-character article took 1 s at diff-match-patch's default of 1 s.
 */
export const DIFF_TIMEOUT_SECONDS = 0.5;

/**
 * The smallest edit from one text to the other that the time allows. Line mode first matches
 * whole paragraphs, which is what makes long texts cheap; changed paragraphs are then compared
 * character by character.
 */
export function diffTexts(oldText: string, newText: string): Diff[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = DIFF_TIMEOUT_SECONDS;
  return dmp.diff_main(oldText, newText, true);
}

/** The edit as hunks in text order, each a maximal run of deleted and inserted characters. */
export function hunksOf(diffs: readonly Diff[]): Hunk[] {
  const hunks: Hunk[] = [];
  let oldPos = 0;
  let newPos = 0;
  let open: Hunk | undefined;
  for (const [op, chunk] of diffs) {
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      oldPos += chunk.length;
      newPos += chunk.length;
      open = undefined;
      continue;
    }
    if (!open) {
      open = { oldStart: oldPos, oldEnd: oldPos, newStart: newPos, newEnd: newPos };
      hunks.push(open);
    }
    if (op === DiffMatchPatch.DIFF_DELETE) open.oldEnd = oldPos += chunk.length;
    else open.newEnd = newPos += chunk.length;
  }
  return hunks;
}

export function diffHunks(oldText: string, newText: string): Hunk[] {
  return hunksOf(diffTexts(oldText, newText));
}
