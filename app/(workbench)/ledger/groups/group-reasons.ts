import { formatDay, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageTranslator } from "@/app/_lib/code-translator";
import type { CodedMessage } from "@/lib/core/message-codes";

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/g;
const NUMBER = String.raw`-?\d[\d.]*(?:e[+-]?\d+)?`;
// Only bounds that are numbers: "(percent, person)" in a reason is a pair of units, not an interval.
const INTERVAL = new RegExp(String.raw`([[(])(−∞|${NUMBER}), (∞|${NUMBER})([\])])`, "g");

/**
 * How the same-fact rule saw a pair, or why two figures conflict (a libGrouping.reason code:
 * "the same event date (2019-06-09)", "[3600, 4000] and [10, ∞)"), in the reader's language.
 * lib/ writes days as ISO and intervals with a decimal point and a comma between the bounds;
 * Kazakh and Russian write a decimal comma, so their bounds are parted by a semicolon, as taught
 * in school there: "[3 600; 4 000]". English keeps lib's notation.
 */
export function reasonText(reason: CodedMessage, translate: MessageTranslator, locale: Locale): string {
  const text = translate(reason).replace(ISO_DAY, (day) => formatDay(day, locale));
  if (locale === "en") return text;
  const bound = (value: string) => (value.endsWith("∞") ? value : formatNumber(value, locale));
  return text.replace(INTERVAL, (_, open: string, lo: string, hi: string, close: string) => `${open}${bound(lo)}; ${bound(hi)}${close}`);
}
