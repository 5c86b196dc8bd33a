/**
 * Date-only values ("2026-03-05"): an article's publication day, a claim's event date, a filter's
 * bounds. PostgreSQL's date columns come back as midnight UTC, so the day is always read and
 * written in UTC, never in the server's zone.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day of an instant or a date column, as YYYY-MM-DD. */
export function dateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The same for a column that may be empty. */
export function dateOnlyOrNull(date: Date | null | undefined): string | null {
  return date ? dateOnly(date) : null;
}

/** Midnight UTC of a YYYY-MM-DD day, as a date column stores it. */
export function parseDateOnly(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A day written as YYYY-MM-DD that exists: "2024-02-30" has the shape but is not a date. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_ONLY.test(value)) return false;
  const date = parseDateOnly(value);
  return !Number.isNaN(date.getTime()) && dateOnly(date) === value;
}
