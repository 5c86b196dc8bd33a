/**
 * The date tables: month names in all their inflected forms, and the deictic time words ("биыл"
 * this year, "өткен жылы" last year, "жыл сайын" every year). The reader that uses them is
 * read-dates.ts.
 */
import { inflect, type Case } from "./morphology";
import type { Token } from "./tokenize";

export interface MonthForm {
  month: number;
  case: Case;
  px3: boolean;
  attributive: boolean;
}

const MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

const monthForms = new Map<string, MonthForm>();
MONTHS.forEach((m, idx) => {
  for (const f of inflect(m, { plural: false, adjective: false, px3Stem: m === "қыркүйек" ? "қыркүйег" : undefined })) {
    if (!monthForms.has(f.form)) monthForms.set(f.form, { month: idx + 1, case: f.case, px3: f.px3, attributive: f.attributive });
  }
});

export function lookupMonth(lower: string): MonthForm | undefined {
  return monthForms.get(lower);
}

/**
 * Months whose name is more often another word: қазан (October) is also a cauldron and the city of
 * Kazan, so it is read as a month only with a day number or "ай" (month), never standing alone.
 * (Наурыз, also the holiday, and шілде, also in names, are read alone when inflected and not
 * capitalised mid-sentence: read-dates.ts.)
 */
export const AMBIGUOUS_MONTHS: ReadonlySet<number> = new Set([10]);

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

export function isoDate(year: number | null, month: number | null, day: number | null): string | null {
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  const y = year !== null ? String(year).padStart(4, "0") : null;
  if (y !== null && month !== null && day !== null) return `${y}-${pad2(month)}-${pad2(day)}`;
  if (y !== null && month !== null) return `${y}-${pad2(month)}`;
  if (y !== null) return y;
  if (month !== null && day !== null) return `--${pad2(month)}-${pad2(day)}`;
  if (month !== null) return `--${pad2(month)}`;
  if (day !== null) return `---${pad2(day)}`;
  return null;
}

/**
 * Relative time anchors. A fact-checker needs to resolve "биыл" (this year) or "кеше" (yesterday)
 * against the publication date, so they are proposed as DATE candidates with a null date. Frequency
 * words ("жыл сайын" every year, "күнделікті" daily) are not anchors and are not proposed.
 */
const DEICTIC_STEMS: string[] = ["бүгін", "кеше", "ертең", "биыл", "былтыр", "бүрсігүні", "алдыңғы күні"];
const deictic = new Set<string>();
for (const s of DEICTIC_STEMS) {
  if (s.includes(" ")) continue;
  for (const f of inflect(s, { plural: false, adjective: false })) deictic.add(f.form);
  deictic.add(s + "де");
}
// "бүгінде" nowadays, "кешегі" yesterday's, "биылғы" this year's, "былтырғы" last year's.
for (const w of ["бүгінде", "кешегі", "ертеңгі", "бүгінгі", "биылғы", "былтырғы", "биылдың", "биылдан"]) deictic.add(w);
// Words built on these stems that are not time anchors.
for (const w of ["кешені", "кешен", "кешенді", "кешенде", "кешеннің"]) deictic.delete(w);

/** Modifiers that turn a period noun into an anchor: "өткен жылы", "келесі айда", "осы аптада". */
const ANCHOR_MODIFIERS = new Set([
  "өткен", "келесі", "келер", "осы", "алдағы", "ағымдағы", "биылғы", "былтырғы", "сол", "ендігі", "таяу",
]);
/** Modifiers that make the period vague: "соңғы жылдары" in recent years. */
const VAGUE_MODIFIERS = new Set(["соңғы", "кейінгі", "бірнеше", "таяудағы", "алдыңғы"]);

const PERIODS = new Map<string, string>();
for (const [stem, unit] of [["жыл", "year"], ["ай", "month"], ["апта", "week"], ["тоқсан", "quarter"], ["күн", "day"], ["тәулік", "day"], ["жартыжылдық", "half-year"], ["ғасыр", "century"], ["көктем", "season"], ["жаз", "season"], ["күз", "season"], ["қыс", "season"]] as const) {
  for (const f of inflect(stem, { adjective: false })) if (!PERIODS.has(f.form)) PERIODS.set(f.form, unit);
}

/** Seasons standing alone in the locative or attributive: "көктемде" in spring, "жазғы" summer's. */
const SEASONS = new Set(["көктемде", "жазда", "күзде", "қыста", "көктемгі", "жазғы", "күзгі", "қысқы", "қыстыгүні", "жаздыгүні", "күздігүні", "көктемнен", "күзден"]);

const WEEKDAYS = ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"];
const weekdays = new Set<string>();
for (const w of WEEKDAYS) for (const f of inflect(w, { plural: false, adjective: false })) weekdays.add(f.form);
// "жұма" is also "Friday prayer"/a name and "жұмасы" "week"; keep only clearly temporal forms.
for (const w of ["жұма", "жұмасы", "жұманың", "жұмаға", "жұманы", "жұмамен"]) weekdays.delete(w);

export interface RelativeDate {
  end: number;
  vague: boolean;
}

/**
 * Deictic date expression starting at token i, e.g. "бүгін", "өткен жылы", "соңғы жылдары",
 * "жыл басынан бері", "сәрсенбі күні".
 */
/** Period nouns after an ordinal: "үшінші жыл" the third year, "екінші күні", "жиырмасыншы ғасырда". */
export function periodOf(lower: string): string | undefined {
  return PERIODS.get(lower);
}

export function matchRelativeDate(tokens: Token[], i: number): RelativeDate | null {
  const t = tokens[i];
  if (!t || t.kind !== "word") return null;
  const w = t.lower;
  const next = tokens[i + 1];
  const sameSentence = (x: Token | undefined): x is Token => !!x && x.kind === "word" && x.sentence === t.sentence;
  if (deictic.has(w)) {
    // "бүгінгі күні", "биылғы жылы": the period noun belongs to the same expression.
    if (sameSentence(next) && PERIODS.has(next.lower)) return { end: i + 2, vague: false };
    return { end: i + 1, vague: false };
  }
  if (ANCHOR_MODIFIERS.has(w) || VAGUE_MODIFIERS.has(w)) {
    if (sameSentence(next) && PERIODS.has(next.lower) && !/^(күн|тәулік)/.test(next.lower)) {
      return { end: i + 2, vague: VAGUE_MODIFIERS.has(w) };
    }
    // "осы күні", "сол күні" name a day; "соңғы күндері" recent days. Not "өткен күні": after a
    // noun it is the participle ("сайлау өткен күні" the day the election took place).
    if (sameSentence(next) && /^күн/.test(next.lower) && (w === "осы" || w === "сол" || w === "соңғы" || w === "кейінгі" || w === "алдағы")) {
      return { end: i + 2, vague: VAGUE_MODIFIERS.has(w) };
    }
    return null;
  }
  // "жыл басынан бері" since the start of the year; "жыл соңына дейін" by the end of the year.
  if ((w === "жыл" || w === "жылдың" || w === "айдың") && sameSentence(next) && /^(басы|соңы|аяғы|ортасы)/.test(next.lower)) {
    const m = tokens[i + 2];
    if (sameSentence(m) && (m.lower === "бері" || m.lower === "дейін")) return { end: i + 3, vague: false };
    return { end: i + 2, vague: false };
  }
  // Time frames: "жыл сайын" every year, "ай сайынғы" monthly, "тәулік бойы" round the clock,
  // "қыс бойы" all winter. They carry no date, but they change what a figure means ("жыл сайын
  // 5000 адам" is a yearly rate), so they are proposed as VAGUE date candidates.
  if ((PERIODS.has(w) || w === "қыс" || w === "жаз" || w === "көктем" || w === "күз") && sameSentence(next)) {
    if (next.lower === "сайын" || next.lower === "сайынғы" || next.lower === "бойы" || next.lower === "бойғы" || next.lower === "бойына") {
      return { end: i + 2, vague: true };
    }
  }
  if (w === "күнделікті") return { end: i + 1, vague: true };
  // "жаңа жылда" at New Year, "жаңа жылдан бері" since New Year.
  if (w === "жаңа" && sameSentence(next) && /^жыл/.test(next.lower) && PERIODS.get(next.lower) === "year") {
    return { end: i + 2, vague: false };
  }
  if (SEASONS.has(w)) return { end: i + 1, vague: true };
  if (weekdays.has(w)) {
    if (sameSentence(next) && /^күн/.test(next.lower)) return { end: i + 2, vague: false };
    return { end: i + 1, vague: false };
  }
  return null;
}

/** Every word that can start a date reading (month forms, deictic words, modifiers, periods...). */
export function dateStartWords(): Iterable<string> {
  const out = new Set<string>([...monthForms.keys(), ...deictic, ...ANCHOR_MODIFIERS, ...VAGUE_MODIFIERS, ...PERIODS.keys(), ...SEASONS, ...weekdays]);
  out.add("күнделікті");
  out.add("жаңа");
  out.add("қыс");
  out.add("жаз");
  out.add("көктем");
  out.add("күз");
  return out;
}
