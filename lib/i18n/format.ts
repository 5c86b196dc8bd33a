import type { Locale } from "./locales";

// Dates are calendar days or instants shown in the newsroom's time zone (Almaty, UTC+5).
export const NEWSROOM_TIME_ZONE = "Asia/Almaty";

/**
 * "5 наурыз 2020", "5 марта 2020 г.", "5 March 2020". Kazakh newsroom style puts the day first;
 * ICU's Kazakh pattern ("2020 ж. 5 наурыз") is the bureaucratic order, so Kazakh is assembled
 * from ICU's own month name.
 */
export function formatDay(value: Date | string, locale: Locale): string {
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  if (locale === "kk") {
    const parts = new Intl.DateTimeFormat("kk", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatToParts(date);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${part("day")} ${part("month")} ${part("year")}`;
  }
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** A moment with its time, in the newsroom's time zone: "5 наурыз 2020, 14:30". */
export function formatMoment(value: Date, locale: Locale): string {
  const time = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { hour: "2-digit", minute: "2-digit", timeZone: NEWSROOM_TIME_ZONE }).format(value);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: NEWSROOM_TIME_ZONE }).format(value); // YYYY-MM-DD in Almaty
  return `${formatDay(day, locale)}, ${time}`;
}

/** "12 345,6" in Kazakh and Russian, "12,345.6" in English. */
export function formatNumber(value: number | string, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const number = typeof value === "string" ? Number(value) : value;
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6, ...options }).format(number);
}

/** Sorting in the reader's alphabet: Kazakh puts ә after а, ғ after г, і after ы. */
export function localeCollator(locale: Locale): Intl.Collator {
  return new Intl.Collator(locale, { sensitivity: "base", numeric: true });
}
