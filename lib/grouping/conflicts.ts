/**
 * Conflicts inside a group: two reports of one fact whose figures cannot both be true, such as
 * the ministry's "all were released" (0) against rights defenders' "at least ten are held".
 */
import { compatible, figureInterval, figureUnit, formatInterval, unitsAgree, type FigureFields } from "./figure-interval";
import type { CodedMessage } from "@/lib/core/message-codes";

export interface ConflictClaim extends FigureFields {
  id: string;
  category: string;
  unit: string | null;
}

export interface ConflictPair {
  aId: string;
  bId: string;
  /** The two figures as read ("[0, 0] and [10, ∞)"), as a coded message. */
  reason: CodedMessage;
}

/**
 * Every pair of the group's claims whose figures, allowing for rounding, cannot both hold.
 * Figures of different kinds (a share against a count, after an editor changed one claim) are not
 * comparable, so they are no conflict; neither is a claim without a figure. Groups are a handful of
 * claims, so every pair is looked at.
 */
export function findConflicts(claims: readonly ConflictClaim[]): ConflictPair[] {
  const read = claims.map((claim) => {
    const unit = figureUnit(claim);
    return { id: claim.id, unit, interval: figureInterval({ ...claim, unit }) };
  });
  const pairs: ConflictPair[] = [];
  for (let i = 0; i < read.length; i++) {
    for (let j = i + 1; j < read.length; j++) {
      const a = read[i];
      const b = read[j];
      if (!a.interval || !b.interval || !unitsAgree(a.unit, b.unit)) continue;
      if (compatible(a.interval, b.interval)) continue;
      pairs.push({ aId: a.id, bId: b.id, reason: { code: "libGrouping.reason.conflictingFigures", params: { a: formatInterval(a.interval.stated), b: formatInterval(b.interval.stated) } } });
    }
  }
  return pairs;
}
