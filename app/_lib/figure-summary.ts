import type { CLAIM_CATEGORIES, QUALIFIERS, SOURCE_KINDS, STANCES } from "@/lib/claims/claim-schemas";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

// The English maps below are kept only for pages not yet moved onto the translation layer; the
// interface reads these words from the `labels` catalog (`l(\`category.${c}\`)` …).

/** @deprecated Use the `labels` catalog: `l(\`category.${category}\`)`. */
export const CATEGORY_LABEL: Record<(typeof CLAIM_CATEGORIES)[number], string> = {
  DETENTION_COUNT: "Detention count",
  VOTE_SHARE: "Vote share",
  TURNOUT: "Turnout",
  SEAT_COUNT: "Seat count",
  SENTENCE_LENGTH: "Sentence length",
  CASUALTIES: "Casualties",
  MONEY: "Money",
  DATE: "Date or deadline",
  OTHER: "Other",
};

/** @deprecated Use the `labels` catalog: `l(\`qualifier.${qualifier}\`)`. */
export const QUALIFIER_LABEL: Record<(typeof QUALIFIERS)[number], string> = {
  EXACT: "exact",
  APPROXIMATELY: "approximately",
  AT_LEAST: "at least",
  MORE_THAN: "more than",
  LESS_THAN: "less than",
  UP_TO: "up to",
  VAGUE: "vague",
};

/** @deprecated Use the `labels` catalog: `l(\`sourceKind.${kind}\`)`. */
export const SOURCE_KIND_LABEL: Record<(typeof SOURCE_KINDS)[number], string> = {
  OFFICIAL_STATEMENT: "Official statement",
  COURT_DOCUMENT: "Court document",
  NGO_REPORT: "NGO report",
  MEDIA_REPORT: "Media report",
  WITNESS: "Witness",
  OTHER: "Other",
};

/** @deprecated Use the `labels` catalog: `l(\`stance.${stance}\`)`. */
export const STANCE_LABEL: Record<(typeof STANCES)[number], string> = {
  SUPPORTS: "supports",
  CONTRADICTS: "contradicts",
  CONTEXT: "gives context",
};

/** @deprecated Use the `labels` catalog: `l(\`status.${status}\`)`. */
export const STATUS_LABEL = {
  DRAFT: "draft",
  SUBMITTED: "awaiting review",
  RETURNED: "returned",
  DISPUTED: "disputed",
  VERIFIED: "verified",
} as const;

export interface FigureClaim {
  value: string | null;
  min: string | null;
  max: string | null;
  unit: string | null;
  qualifier: (typeof QUALIFIERS)[number];
}

/** How a figure reads in the reader's language: see useFigureFormat / getFigureFormat. */
export interface FigureFormat {
  locale: Locale;
  /** A vague figure with no number ("мыңдаған"): the `labels` entry figure.vague. */
  vague: string;
  /**
   * The unit in the reader's language, agreeing with the number before it (Russian "70
   * процентов", "2 года"); the unit as stored when left out.
   */
  unit?: (unit: string, count: number) => string;
}

// The qualifier is a sign, the same in every language, so a figure stays short in a list.
const QUALIFIER_SIGN: Partial<Record<(typeof QUALIFIERS)[number], string>> = {
  APPROXIMATELY: "≈ ",
  AT_LEAST: "≥ ",
  MORE_THAN: "> ",
  LESS_THAN: "< ",
  UP_TO: "≤ ",
};

// What the old signature printed: the stored digits and the stored unit, in English.
const AS_STORED = { number: (value: string) => value, vague: "vague", unit: (unit: string) => unit };

/** @deprecated English only ("≈ 4000 person"), for pages not yet translated: pass a FigureFormat. */
export function figureSummary(claim: FigureClaim): string;
/** "≈ 4 000 адам", "> 1 000", "25–30 процентов": how a claim's figure reads in a list. */
export function figureSummary(claim: FigureClaim, format: FigureFormat): string;
export function figureSummary(claim: FigureClaim, format?: FigureFormat): string {
  // Stored figures may have more decimals than formatNumber's default six; none are cut off.
  const words = format
    ? { number: (value: string) => formatNumber(value, format.locale, { maximumFractionDigits: 20 }), vague: format.vague, unit: format.unit ?? AS_STORED.unit }
    : AS_STORED;
  const range = claim.min || claim.max ? `${claim.min !== null ? words.number(claim.min) : "…"}–${claim.max !== null ? words.number(claim.max) : "…"}` : "";
  const figure = claim.value !== null ? words.number(claim.value) : range || (claim.qualifier === "VAGUE" ? words.vague : "");
  // A range reads with its upper end ("25–30 процентов"), an open one with the end it has.
  const count = Number(claim.value ?? claim.max ?? claim.min ?? 0);
  const unit = claim.unit ? ` ${words.unit(claim.unit, Number.isFinite(count) ? count : 0)}` : "";
  return `${claim.value ? QUALIFIER_SIGN[claim.qualifier] ?? "" : ""}${figure}${unit}`.trim();
}

/**
 * Units the claim suggester writes in English ("percent", "person", "km"; lib/extract/units.ts),
 * which the `workbench` catalog has in every language as unit.<name>. Units typed by hand, and the
 * Kazakh nouns the suggester keeps as they are ("белсенді"), are shown as stored.
 */
export const TRANSLATED_UNITS: ReadonlySet<string> = new Set([
  "percent", "person", "seat", "year", "month", "week", "day", "hour", "minute", "second", "century",
  "times", "fold", "degree", "km", "m", "cm", "mm", "ha", "t", "kg", "l",
]);
