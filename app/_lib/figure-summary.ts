import type { QUALIFIERS } from "@/lib/claims/claim-schemas";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

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
