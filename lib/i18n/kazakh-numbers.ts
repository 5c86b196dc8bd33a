/**
 * Numbers inside catalog messages ("{count, number}", a plural's "#") are written by next-intl
 * through Intl.NumberFormat under the page's language. A browser without Kazakh number data
 * (Debian's Chromium, many others) falls back to English there: "ең көбі 200,000 таңба" reads as
 * two hundred in Kazakh, and the page the browser renders disagrees with the server's (React's
 * hydration error #418). next-intl takes no number formatter of its own, so Derek gives Intl one
 * for Kazakh: Intl.NumberFormat("kk") writes with formatNumber's marks on the server and in the
 * browser alike, whatever ICU data either has. Other languages are left to Intl.
 */
import { spacedCommaParts } from "./format";

const KAZAKH = /^kk(-|$)/i;

function asksForKazakh(locales: unknown): boolean {
  const first = Array.isArray(locales) ? locales[0] : locales;
  return typeof first === "string" && KAZAKH.test(first);
}

type NumberFormatConstructor = typeof Intl.NumberFormat;

/** English digits from `Native` with Kazakh marks; an Intl.NumberFormat to its callers. */
function kazakhNumberFormat(Native: NumberFormatConstructor, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const english = new Native("en-US", options);
  const englishParts = english.formatToParts.bind(english);
  const englishOptions = english.resolvedOptions.bind(english);
  const formatToParts = (value?: number | bigint | Intl.StringNumericLiteral) => spacedCommaParts(englishParts(value as number));
  // Own properties, since Intl's `format` is a getter on the prototype; callers pass it unbound.
  return Object.defineProperties(english, {
    format: { value: (value: number | bigint | Intl.StringNumericLiteral) => formatToParts(value).map((part) => part.value).join("") },
    formatToParts: { value: formatToParts },
    resolvedOptions: { value: () => ({ ...englishOptions(), locale: "kk" }) },
  });
}

/** Intl.NumberFormat, except that "kk" writes Derek's Kazakh numbers ("200 000", "70,96"). */
export function withKazakhNumbers(Native: NumberFormatConstructor): NumberFormatConstructor {
  function NumberFormat(locales?: string | readonly string[], options?: Intl.NumberFormatOptions) {
    return asksForKazakh(locales) ? kazakhNumberFormat(Native, options) : new Native(locales as string | string[] | undefined, options);
  }
  NumberFormat.prototype = Native.prototype;
  NumberFormat.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);
  return NumberFormat as unknown as NumberFormatConstructor;
}

const INSTALLED = Symbol.for("derek.kazakhNumbers");

/** Puts withKazakhNumbers in place of the runtime's Intl.NumberFormat, once per runtime. */
export function installKazakhNumbers(intl: typeof Intl = Intl): void {
  const target = intl as typeof Intl & { [INSTALLED]?: true };
  if (target[INSTALLED]) return;
  target.NumberFormat = withKazakhNumbers(intl.NumberFormat);
  target[INSTALLED] = true;
}
