/**
 * Years for dates the text states without one ("5 наурызда", "маусымның 9-ы күні"). News names
 * the year once, if at all: a day and month take it from a dated phrase earlier in the same
 * paragraph ("2019 жылы наурыз айында … 9 маусымда"), else from the article's publication date.
 * A date more than LOOK_AHEAD_DAYS after publication is read in the year before: reports look
 * back ("9 маусымдағы сайлауда" in an article of March 2020 is June 2019), while announcements
 * look a few weeks ahead ("18 наурызда өтеді").
 */
import type { ClaimCandidate } from "./types";

const LOOK_AHEAD_DAYS = 60;
const DAY_MS = 86_400_000;
const YEARLESS = /^--(\d{2})(?:-(\d{2}))?$/;
/** A date that states its year and at least its month: one the paragraph's other dates may borrow from. */
const WITH_YEAR = /^(\d{4})-\d{2}/;

function fromPublication(month: number, day: number | null, published: Date): number {
  const year = published.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day ?? 1);
  return candidate - published.getTime() > LOOK_AHEAD_DAYS * DAY_MS ? year - 1 : year;
}

function withYear(date: string, year: number): string {
  return `${String(year).padStart(4, "0")}${date.slice(1)}`;
}

function publication(publishedAt: Date | string | null | undefined): Date | null {
  if (!publishedAt) return null;
  const date = publishedAt instanceof Date ? publishedAt : new Date(publishedAt);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The candidates with year-less dates completed, in a new array; candidates stay in text order.
 * Dates that already have a year are left alone, so candidates read without the publication date
 * can be completed with it later (refreshSuggestions does, for candidates read at import).
 */
export function resolveYears(text: string, candidates: readonly ClaimCandidate[], publishedAt?: Date | string | null): ClaimCandidate[] {
  const published = publication(publishedAt);
  const out: ClaimCandidate[] = [];
  let lineEnd = -1;
  let paragraphYear: number | null = null;
  for (const c of candidates) {
    if (c.start > lineEnd) {
      const next = text.indexOf("\n", c.start);
      lineEnd = next === -1 ? text.length : next;
      paragraphYear = null;
    }
    const yearless = c.date ? YEARLESS.exec(c.date) : null;
    if (yearless) {
      const year = paragraphYear ?? (published ? fromPublication(Number(yearless[1]), yearless[2] ? Number(yearless[2]) : null, published) : null);
      out.push(year === null ? c : { ...c, date: withYear(c.date!, year) });
    } else {
      out.push(c);
    }
    const stated = c.category === "DATE" && c.date ? WITH_YEAR.exec(c.date) : null;
    if (stated) paragraphYear = Number(stated[1]);
  }
  return out;
}
