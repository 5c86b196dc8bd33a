/**
 * A claim's figure as a reader of each language reads it in a list: "≈ 4 000 адам", "≈ 4 000
 * человек", "≈ 4,000 people", "25–30 процентов", "> 1 000". One function for every page (article
 * panel, ledger, groups, conflicts, review, suggestions), on the server and in the browser alike.
 */
import { formatNumber } from "./format";
import type { Locale } from "./locales";
import { unitWord } from "./unit-words";

export type FigureQualifier = "EXACT" | "APPROXIMATELY" | "AT_LEAST" | "MORE_THAN" | "LESS_THAN" | "UP_TO" | "VAGUE";

export interface FigureClaim {
  /** Decimals as stored (Prisma's Decimal as text, "70.960000"), or numbers. */
  value: string | number | null;
  min: string | number | null;
  max: string | number | null;
  /** A unit code (UNIT_WORDS), or a unit typed by hand, shown as typed. */
  unit: string | null;
  qualifier: FigureQualifier;
}

// The qualifier is a sign, the same in every language, so a figure stays short in a list.
const QUALIFIER_SIGN: Partial<Record<FigureQualifier, string>> = {
  APPROXIMATELY: "≈ ",
  AT_LEAST: "≥ ",
  MORE_THAN: "> ",
  LESS_THAN: "< ",
  UP_TO: "≤ ",
};

/** A vague quantity with no number ("мыңдаған"). */
const VAGUE: Record<Locale, string> = { kk: "белгісіз", ru: "неопределённо", en: "vague" };

const present = (n: string | number | null): n is string | number => n !== null && n !== "";

/** The figure, or "" for a claim with none (a date claim). */
export function formatFigure(claim: FigureClaim, locale: Locale): string {
  // Stored figures may have more decimals than formatNumber's default six; none are cut off.
  const number = (n: string | number) => formatNumber(n, locale, { maximumFractionDigits: 20 });
  const range = present(claim.min) || present(claim.max) ? `${present(claim.min) ? number(claim.min) : "…"}–${present(claim.max) ? number(claim.max) : "…"}` : "";
  const figure = present(claim.value) ? number(claim.value) : range || (claim.qualifier === "VAGUE" ? VAGUE[locale] : "");
  // A range agrees with its upper end ("25–30 процентов", "1–2 people"), an open one with the end it has.
  const count = Number(present(claim.value) ? claim.value : present(claim.max) ? claim.max : present(claim.min) ? claim.min : 0);
  const unit = claim.unit ? ` ${unitWord(claim.unit, Number.isFinite(count) ? count : 0, locale)}` : "";
  return `${present(claim.value) ? (QUALIFIER_SIGN[claim.qualifier] ?? "") : ""}${figure}${unit}`.trim();
}
