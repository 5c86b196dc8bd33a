/**
 * What the readers hand back: a candidate still in token positions (turned into character offsets,
 * a category and an event date once the whole text is read), and where reading goes on.
 */
import type { Token } from "./tokenize";
import type { ClaimQualifier } from "./types";
import type { UnitKind } from "./units";

export interface Draft {
  startTok: number;
  endTok: number;
  sentence: number;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  unitKind: UnitKind | null;
  qualifier: ClaimQualifier;
  isDate: boolean;
  date: string | null;
  seatNear: boolean;
}

export interface Step {
  draft: Draft | null;
  next: number;
}

/** The token at `index` when it is a word of the same sentence. */
export function sameSentenceWord(tokens: Token[], index: number, sentence: number): Token | null {
  const token = tokens[index];
  if (!token || token.kind !== "word" || token.sentence !== sentence) return null;
  return token;
}

export function dateDraft(startTok: number, endTok: number, sentence: number, date: string | null, qualifier: ClaimQualifier): Draft {
  return {
    startTok, endTok, sentence, value: null, min: null, max: null, unit: null, unitKind: null,
    qualifier, isDate: true, date, seatNear: false,
  };
}
