import type { Locale } from "./locales";

// Dates are calendar days or instants shown in the newsroom's time zone (Almaty, UTC+5).
export const NEWSROOM_TIME_ZONE = "Asia/Almaty";

// Kazakh month names, in the nominative the newsroom writes after a day ("5 наурыз 2020"). Kept
// here rather than taken from ICU: Debian's Chromium ships without Kazakh locale data and would
// write "M03", so a page rendered on the server and hydrated in the browser would disagree.
const KAZAKH_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

// Kazakh number and time patterns are Russian's (space-grouped thousands, decimal comma, 24-hour
// clock); borrowing them keeps the browser's output equal to the server's where ICU lacks "kk".
const intlLocale = (locale: Locale) => (locale === "kk" ? "ru" : locale === "en" ? "en-GB" : locale);

function dayOf(value: Date | string): Date {
  return typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
}

/** "5 наурыз 2020", "5 марта 2020 г.", "5 March 2020": the day first, as each newsroom writes it. */
export function formatDay(value: Date | string, locale: Locale): string {
  const date = dayOf(value);
  if (locale === "kk") return `${date.getUTCDate()} ${KAZAKH_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** "наурыз 2020", "март 2020", "March 2020": a month, as a chart's axis names it. */
export function formatMonth(value: Date | string, locale: Locale): string {
  const date = dayOf(value);
  if (locale === "kk") return `${KAZAKH_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** A moment with its time, in the newsroom's time zone: "5 наурыз 2020, 14:30". */
export function formatMoment(value: Date, locale: Locale): string {
  const time = new Intl.DateTimeFormat(intlLocale(locale), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: NEWSROOM_TIME_ZONE }).format(value);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: NEWSROOM_TIME_ZONE }).format(value); // YYYY-MM-DD in Almaty
  return `${formatDay(day, locale)}, ${time}`;
}

/** "12 345,6" in Kazakh and Russian, "12,345.6" in English. */
export function formatNumber(value: number | string, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const number = typeof value === "string" ? Number(value) : value;
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6, ...options }).format(number);
}

