/**
 * Units and counted nouns. Each stem is expanded into its inflected forms ("пайызына", "орынның",
 * "адамды", "жұмысшысы") so a token is a unit only when the whole token is a form of the stem.
 */
import { inflect, type Case } from "./morphology";

export type UnitKind = "percent" | "money" | "time" | "measure" | "person" | "seat" | "counted";

export interface UnitForm {
  unit: string;
  kind: UnitKind;
  case: Case;
  px3: boolean;
  /** "орындық" (…-seat), "жылдық" (…-year): the number modifies a following noun. */
  adjective: boolean;
  /** "жылы", "жылғы", "жылдың": the forms that make "2019 жылы" a date rather than a duration. */
  attributive: boolean;
}

interface Entry {
  stems: string[];
  unit: string;
  kind: UnitKind;
  px3Stem?: string;
  both?: boolean;
}

/**
 * Human nouns other than адам/кісі keep their lemma as the unit: "20 белсенді" (activists) and
 * "200 жұмысшы" (workers) are different claims, and the category rules still treat them as people
 * (kind "person").
 */
const ENTRIES: Entry[] = [
  { stems: ["пайыз"], unit: "percent", kind: "percent" },
  { stems: ["процент"], unit: "percent", kind: "percent", both: true },
  { stems: ["теңге", "тг"], unit: "KZT", kind: "money" },
  { stems: ["доллар"], unit: "USD", kind: "money", both: true },
  { stems: ["еуро", "евро"], unit: "EUR", kind: "money", both: true },
  { stems: ["рубль"], unit: "RUB", kind: "money", both: true },
  { stems: ["юань"], unit: "CNY", kind: "money", both: true },
  { stems: ["аек"], unit: "MCI", kind: "money", both: true },
  { stems: ["жыл"], unit: "year", kind: "time" },
  { stems: ["ай"], unit: "month", kind: "time" },
  { stems: ["апта"], unit: "week", kind: "time" },
  { stems: ["күн"], unit: "day", kind: "time" },
  { stems: ["тәулік"], unit: "day", kind: "time" },
  { stems: ["сағат"], unit: "hour", kind: "time" },
  { stems: ["минут"], unit: "minute", kind: "time", both: true },
  { stems: ["секунд"], unit: "second", kind: "time", both: true },
  { stems: ["ғасыр"], unit: "century", kind: "time" },
  { stems: ["шақырым", "километр", "км"], unit: "km", kind: "measure", both: true },
  { stems: ["метр"], unit: "m", kind: "measure", both: true },
  { stems: ["сантиметр", "см"], unit: "cm", kind: "measure", both: true },
  { stems: ["миллиметр", "мм"], unit: "mm", kind: "measure", both: true },
  { stems: ["гектар", "га"], unit: "ha", kind: "measure", both: true },
  { stems: ["тонна"], unit: "t", kind: "measure" },
  { stems: ["килограмм", "кг"], unit: "kg", kind: "measure", both: true },
  { stems: ["литр"], unit: "l", kind: "measure", both: true },
  { stems: ["градус"], unit: "degree", kind: "measure", both: true },
  { stems: ["адам", "кісі"], unit: "person", kind: "person" },
  { stems: ["орын"], unit: "seat", kind: "seat", px3Stem: "орн" },
  { stems: ["мандат"], unit: "seat", kind: "seat" },
  { stems: ["рет", "мәрте"], unit: "times", kind: "counted" },
  { stems: ["есе"], unit: "fold", kind: "counted" },
  ...[
    "белсенді", "жұмысшы", "тұрғын", "азамат", "бала", "отбасы", "науқас", "сайлаушы", "депутат",
    "студент", "оқушы", "мұғалім", "дәрігер", "қызметкер", "маман", "полицей", "журналист",
    "жүргізуші", "жолаушы", "турист", "кандидат", "әйел", "ер", "қыз", "ұл", "шенеунік", "жасөспірім",
    "зейнеткер", "сарбаз", "әскери", "қатысушы", "бақылаушы", "наразы", "тілші", "мүше", "мұнайшы",
    "фермер", "кәсіпкер", "ерікті", "өкіл", "судья", "адвокат", "тұтқын", "шетелдік", "жұмыссыз",
  ].map((s): Entry => ({ stems: [s], unit: s, kind: "person" })),
  ...[
    "партия", "мектеп", "үй", "пәтер", "көлік", "автобус", "ұшақ", "жоба", "зауыт", "ел", "мемлекет",
    "облыс", "аудан", "қала", "ауыл", "бюллетень", "учаске", "дауыс", "дана", "сот", "іс", "қылмыс",
    "мал", "сиыр", "қой", "жылқы", "ағаш", "кітап", "нысан", "кәсіпорын", "компания", "ұйым",
    "аурухана", "емхана", "вагон", "пойыз", "тауар", "өнім", "фильм", "сайт", "бетперде",
    "шара", "жер", "бөлім", "сынып", "команда", "медаль", "ұпай",
  ].map((s): Entry => ({ stems: [s], unit: s, kind: "counted", px3Stem: s === "кәсіпорын" ? "кәсіпорн" : undefined })),
];

const forms = new Map<string, UnitForm>();
for (const e of ENTRIES) {
  for (const stem of e.stems) {
    for (const f of inflect(stem, { px3Stem: e.px3Stem, bothHarmonies: e.both })) {
      if (forms.has(f.form)) continue;
      forms.set(f.form, { unit: e.unit, kind: e.kind, case: f.case, px3: f.px3, adjective: f.adjective, attributive: f.attributive });
    }
  }
}

/** Every unit name the suggester can write: the codes a claim's unit is stored as (lib/i18n/unit-words.ts). */
export const SUGGESTED_UNITS: ReadonlySet<string> = new Set(ENTRIES.map((e) => e.unit));

/** The lexicon's forms with their units ("адамдар" → person), as a lookup table. */
export function unitForms(): ReadonlyMap<string, UnitForm> {
  return forms;
}

export function lookupUnit(lower: string): UnitForm | undefined {
  return forms.get(lower);
}

/** Currency symbols written before or after the number. */
export const CURRENCY_SYMBOLS: Record<string, string> = { "₸": "KZT", $: "USD", "€": "EUR", "₽": "RUB" };
