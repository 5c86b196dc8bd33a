import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import type { Locale } from "@/lib/i18n/locales";
import { CLAIM_STATUSES } from "@/lib/ledger/ledger-filter";

/** One stacked or drawn series: its key in the data, its legend label and its colour. */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// The underline colours of the article workbench's highlights (app/globals.css, .claim--*), so a
// status reads the same in the text and in the chart.
const STATUS_COLOR: Record<(typeof CLAIM_STATUSES)[number], string> = {
  DRAFT: "#e0b400",
  SUBMITTED: "#2f6fd6",
  RETURNED: "#d9682b",
  DISPUTED: "#a3329a",
  VERIFIED: "#1e7a3c",
};

/** A series per status, draft → verified; `label` names a status in the reader's language. */
export function statusSeries(label: (status: (typeof CLAIM_STATUSES)[number]) => string): ChartSeries[] {
  return CLAIM_STATUSES.map((status) => ({ key: status, label: capitalised(label(status)), color: STATUS_COLOR[status] }));
}

// Okabe–Ito's palette, which stays distinguishable with the common colour-vision deficiencies,
// plus a grey for "Other" so the catch-all recedes.
const CATEGORY_COLOR: Record<(typeof CLAIM_CATEGORIES)[number], string> = {
  DETENTION_COUNT: "#0072b2",
  VOTE_SHARE: "#e69f00",
  TURNOUT: "#56b4e9",
  SEAT_COUNT: "#cc79a7",
  SENTENCE_LENGTH: "#d55e00",
  CASUALTIES: "#000000",
  MONEY: "#009e73",
  CROWD_SIZE: "#8c510a",
  DATE: "#b8a400",
  OTHER: "#9aa3ad",
};

/** A series per category, in the category list's order. */
export function categorySeries(label: (category: (typeof CLAIM_CATEGORIES)[number]) => string): ChartSeries[] {
  return CLAIM_CATEGORIES.map((category) => ({ key: category, label: label(category), color: CATEGORY_COLOR[category] }));
}

/**
 * A chart's month ("2026-03", UTC) as a reader names it: "наурыз 2026", "март 2026", "March 2026".
 * Assembled from ICU's month name, as lib/i18n/format.ts does for days: ICU's Kazakh pattern puts
 * the year first ("2026 ж. наурыз") and its Russian one adds "г.", both heavy under a bar.
 */
export function formatMonth(month: string, locale: Locale): string {
  const date = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  const parts = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { month: "long", year: "numeric", timeZone: "UTC" }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("month")} ${part("year")}`;
}

/** Line colours for reviewers, busiest first; the last, grey, is for everyone else together. */
export const REVIEWER_COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"];
export const OTHERS_COLOR = "#6b7280";

/** A chart fills its card's width at a fixed height (recharts' `responsive` follows CSS sizes). */
export const PLOT_STYLE = { width: "100%", height: 288 } as const;

/**
 * Legend and tooltip in the series' own order (draft → verified, the category list) rather than
 * recharts' default alphabetical one, which would shuffle them differently in every language.
 */
export function bySeriesOrder(series: ChartSeries[]) {
  const order = new Map(series.map((s, i) => [s.key, i]));
  return (item: { dataKey?: unknown }) => order.get(String(item.dataKey)) ?? series.length;
}

/** Tooltip lines in the text colour: a yellow "Draft" on white would be hard to read. */
export const TOOLTIP_ITEM = { color: "#1d232b" } as const;
