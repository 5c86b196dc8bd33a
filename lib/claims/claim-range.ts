import { snapToCodePoints } from "@/lib/anchoring/selector";
import { DerekError } from "@/lib/core/errors";

/**
 * The range a claim will cover: inside the text, never splitting a character outside the Basic
 * Multilingual Plane, and without the spaces a mouse selection tends to pick up at its edges.
 */
export function claimRangeIn(text: string, start: number, end: number): { start: number; end: number } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end)
    throw new DerekError("libClaims.range.outside", { field: "range" });
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (from === to) throw new DerekError("libClaims.range.blank", { field: "range" });
  return snapToCodePoints(text, from, to);
}
