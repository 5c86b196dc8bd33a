import type { Locale } from "./locales";

// Dates are calendar days or instants shown in the newsroom's time zone (Almaty, UTC+5).
export const NEWSROOM_TIME_ZONE = "Asia/Almaty";

// Kazakh month names, in the nominative the newsroom writes after a day ("5 наурыз 2020"). Kept
// here rather than taken from ICU: Debian's Chromium ships without Kazakh locale data and would
// write "M03", so a page rendered on the server and hydrated in the browser would disagree.
const KAZAKH_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

// Kazakh time patterns are Russian's (24-hour clock); borrowing them keeps the browser's output
// equal to the server's where ICU lacks "kk".
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

// Grouping and decimal marks of Kazakh and Russian: a no-break space between thousands and a
// decimal comma. Written by Derek from English digits rather than asked of ICU under "kk": a
// browser without Kazakh number data (Debian's Chromium) would write "200,000", which in Kazakh
// reads as two hundred, and disagree with the server's page.
const GROUP_SPACE = "\u00a0";

/** English digits' parts ("12", ",", "345", ".", "6") with Kazakh and Russian marks. */
export function spacedCommaParts(parts: Intl.NumberFormatPart[]): Intl.NumberFormatPart[] {
  return parts.map((part) => (part.type === "group" ? { ...part, value: GROUP_SPACE } : part.type === "decimal" ? { ...part, value: "," } : part));
}

// Creating an Intl.NumberFormat costs far more than formatting with one: a workbench with 2,000
// claims formats their figures on every redraw. One formatter per set of options is kept.
const englishFormats = new Map<string, Intl.NumberFormat>();
function englishFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = englishFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6, ...options });
    englishFormats.set(key, format);
  }
  return format;
}

/** "12 345,6" in Kazakh and Russian, "12,345.6" in English. */
export function formatNumber(value: number | string, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const number = typeof value === "string" ? Number(value) : value;
  if (!Number.isFinite(number)) return String(value);
  const english = englishFormat(options);
  if (locale === "en") return english.format(number);
  return spacedCommaParts(english.formatToParts(number)).map((part) => part.value).join("");
}

