/**
 * A claim's unit as grouping compares it: the name the claim suggester stores (lib/extract/units.ts:
 * "percent", "person", "KZT", "year", …), whatever language and form an editor typed by hand.
 * "пайыз", "пайызы", "%", "процентов" and "percent" are one kind of figure; compared as strings,
 * a hand-typed claim would never group with a suggested one.
 *
 * Kazakh is read with the suggester's own lexicon, every inflected form of its stems ("адамдар",
 * "орны", "жылдық"), so the two cannot drift apart. Russian and English, which the suggester does
 * not read, are listed here with the forms a newsroom writes after a number ("5 человек", "10
 * процентов", "2 года", "5 лет") and their usual abbreviations.
 */
import { CURRENCY_SYMBOLS, lookupUnit } from "@/lib/extract/units";
import { isUnitCode, UNIT_WORDS } from "@/lib/i18n/unit-words";

/** Canonical name → what else stands for it. The canonical name itself is always taken too. */
const SPELLINGS: Record<string, string[]> = {
  percent: ["%", "per cent", "percentage", "pct", "процент", "процента", "процентов", "проценты", "процентах", "проц"],
  person: ["people", "persons", "человек", "человека", "люди", "людей", "чел"],
  seat: ["seats", "mandate", "mandates", "место", "места", "мест", "мандата", "мандатов", "мандаты"],
  times: ["раз", "раза"],
  fold: ["крат", "кратно"],
  fraction: ["доля", "доли", "бөлшек"],
  year: ["years", "yr", "yrs", "год", "года", "лет", "годы", "годам"],
  month: ["months", "месяц", "месяца", "месяцев", "месяцы", "мес"],
  week: ["weeks", "неделя", "недели", "недель", "нед"],
  day: ["days", "день", "дня", "дней", "дни", "сутки", "суток"],
  hour: ["hours", "h", "hr", "hrs", "час", "часа", "часов", "часы", "ч"],
  minute: ["minutes", "min", "мин", "минута", "минуты"],
  second: ["seconds", "sec", "сек", "секунда", "секунды"],
  century: ["centuries", "век", "века", "веков"],
  KZT: ["tenge", "тенге"],
  USD: ["dollar", "dollars", "долларов", "доллара", "долл"],
  EUR: ["euro", "euros"],
  RUB: ["rouble", "roubles", "ruble", "rubles", "рубля", "рублей", "руб"],
  CNY: ["yuan", "юаня", "юаней"],
  MCI: ["мрп"],
  km: ["kilometre", "kilometres", "kilometer", "kilometers", "километра", "километров"],
  m: ["metre", "metres", "meter", "meters", "метра", "метров"],
  cm: ["centimetre", "centimetres", "centimeter", "centimeters", "сантиметра", "сантиметров"],
  mm: ["millimetre", "millimetres", "millimeter", "millimeters", "миллиметра", "миллиметров"],
  ha: ["hectare", "hectares", "гектара", "гектаров"],
  t: ["tonne", "tonnes", "ton", "tons", "тонн", "тонны"],
  kg: ["kilogram", "kilograms", "килограмма", "килограммов"],
  l: ["litre", "litres", "liter", "liters", "литра", "литров"],
  degree: ["degrees", "°", "градуса", "градусов"],
};

const CANONICAL = new Map<string, string>();
for (const [unit, spellings] of Object.entries(SPELLINGS)) for (const spelling of [unit, ...spellings]) CANONICAL.set(spelling.toLowerCase(), unit);
for (const [symbol, unit] of Object.entries(CURRENCY_SYMBOLS)) CANONICAL.set(symbol, unit);
// Every word Derek shows for a unit reads back as that unit: a figure copied from the Russian or
// English interface ("25 people", "2 года") is the same unit as the one it was shown from. Where two
// units share a word (Russian "раз" for рет and есе), the first listed keeps it.
for (const [unit, words] of Object.entries(UNIT_WORDS))
  for (const word of [words.kk, ...words.ru, ...words.en]) if (!CANONICAL.has(word.toLowerCase())) CANONICAL.set(word.toLowerCase(), unit);

/**
 * The unit's canonical name, or null for none. A unit nobody listed is kept as typed, trimmed and
 * lower-cased, so two claims of the same unknown unit still agree.
 */
export function canonicalUnit(raw: string | null | undefined): string | null {
  // "чел.", "руб.": an abbreviation's full stop says nothing about the unit. "%-ы", "%-дан": the
  // Kazakh case ending of a symbol neither.
  const text = raw?.trim().toLowerCase().replace(/\s+/g, " ").replace(/\.$/, "").replace(/^(\P{L})-\p{L}+$/u, "$1");
  if (!text) return null;
  return CANONICAL.get(text) ?? lookupUnit(text)?.unit ?? text;
}

/**
 * The unit as a claim stores it: the code of a unit Derek knows, in whatever language or form it was
 * written ("адамдар", "человек", "people" → "person"), else the text as typed, trimmed ("гектар
 * жер"), shown as it is in every language. Null for none.
 */
export function unitCode(raw: string | null | undefined): string | null {
  const typed = raw?.trim().replace(/\s+/g, " ");
  if (!typed) return null;
  const canonical = canonicalUnit(typed);
  return canonical !== null && isUnitCode(canonical) ? canonical : typed;
}
