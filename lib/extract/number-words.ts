/**
 * Kazakh numerals: the lexicon, every inflected form of each numeral word, and the analysis of the
 * hyphen suffix on digits ("20-дан", "9-ы", "2020-сыншы").
 */
import { caseSuffix, isFront, px3Suffix, type Case } from "./morphology";

export type NumeralClass = "zero" | "unit" | "ten" | "hundred" | "scale";

/** What the derivational suffix makes of the numeral. */
export type NumeralKind =
  | "card" // plain cardinal, possibly with case/possessive: "он", "мыңға", "бірі"
  | "ord" // ordinal: "бірінші", "2020-сыншы"
  | "approx" // "-дай/-дей": жүздей ≈100
  | "vague" // "-даған/-деген": ондаған, мыңдаған (tens of, thousands of)
  | "coll" // collective "-еу": екеуі (the two of them)
  | "emph"; // "-ақ" only: 2-ақ

export interface NumeralForm {
  value: number;
  cls: NumeralClass;
  kind: NumeralKind;
  case: Case;
  px3: boolean;
  /** The word carries an inflection, so a compound numeral ends here ("екі мыңға" ends at мыңға). */
  inflected: boolean;
}

const STEMS: [string, number, NumeralClass][] = [
  ["нөл", 0, "zero"],
  ["бір", 1, "unit"],
  ["екі", 2, "unit"],
  ["үш", 3, "unit"],
  ["төрт", 4, "unit"],
  ["бес", 5, "unit"],
  ["алты", 6, "unit"],
  ["жеті", 7, "unit"],
  ["сегіз", 8, "unit"],
  ["тоғыз", 9, "unit"],
  ["он", 10, "ten"],
  ["жиырма", 20, "ten"],
  ["отыз", 30, "ten"],
  ["қырық", 40, "ten"],
  ["елу", 50, "ten"],
  ["алпыс", 60, "ten"],
  ["жетпіс", 70, "ten"],
  ["сексен", 80, "ten"],
  ["тоқсан", 90, "ten"],
  ["жүз", 100, "hundred"],
  ["мың", 1e3, "scale"],
  ["миллион", 1e6, "scale"],
  ["миллиард", 1e9, "scale"],
  ["триллион", 1e12, "scale"],
];

/** Abbreviated scales take no Kazakh ending in running text ("1,5 млн теңге"). */
const ABBREVIATIONS: [string, number][] = [
  ["млн", 1e6],
  ["млрд", 1e9],
  ["трлн", 1e12],
];

/** Collective numerals exist for 1–7 only: біреу, екеу, үшеу, төртеу, бесеу, алтау, жетеу. */
const COLLECTIVE: [string, number][] = [
  ["екеу", 2],
  ["үшеу", 3],
  ["төртеу", 4],
  ["бесеу", 5],
  ["алтау", 6],
  ["жетеу", 7],
];

/**
 * Homographs that a whole-token match would still accept, decided for the non-numeral reading:
 * - онда "there", ондағы "the one there", ондай "such", оны "him/it", онын: forms of the pronoun ол;
 *   as "at ten" / "about ten" they are rare and a clock time is not a claim anyway.
 * - бірақ "but", бірге "together", бірде "once, sometimes", бірден "immediately", біреу "someone":
 *   lexicalised; the numeral sense "one each" (бірден) is rare in news.
 * - үшін "for" (postposition) is also үш+px3+acc; the postposition is two orders more frequent.
 * - жүзі, жүзінде…: "face / surface" (жер жүзі "the whole world") far outweighs "its hundred".
 */
const EXCLUDED = new Set([
  "онда", "ондағы", "ондай", "ондайда", "ондайды", "оны", "онын", "онымен",
  "бірақ", "бірге", "бірде", "бірден", "біреу", "біреуге", "біреудің", "біреуді", "біреумен", "біреуден",
  "үшін", "үшіне",
  "жүзі", "жүзін", "жүзінде", "жүзіне", "жүзінен", "жүзінің", "жүзімен", "жүзіндегі",
  "жүзде", // "жүзде" is mostly "face-LOC" in set phrases; the numeral locative is near-absent.
  // бірдей "the same, equal" is lexicalised; as "about one" (бір + -дей) it does not occur.
  "бірдей", "бірдейі", "бірдейге", "бірдейде", "бірдейдің", "бірдейді", "бірдейден", "бірдеймен",
]);

const CASES: Case[] = ["NOM", "DAT", "ABL", "GEN", "ACC", "LOC", "INS"];

function ordinalStem(stem: string): string {
  if (stem === "жиырма") return "жиырмасыншы"; // irregular: -сыншы, not -ншы
  if (stem === "қырық") return "қырқыншы";
  const front = isFront(stem);
  const last = stem[stem.length - 1];
  const vowelFinal = "аеыіоөұүәэ".includes(last);
  if (vowelFinal) return stem + (front ? "нші" : "ншы");
  return stem + (front ? "інші" : "ыншы");
}

function approxSuffix(stem: string, voicelessEnd: boolean, front: boolean, kind: "дай" | "даған" | "дап"): string {
  const d = voicelessEnd ? "т" : "д";
  if (kind === "дай") return d + (front ? "ей" : "ай");
  if (kind === "дап") return d + (front ? "еп" : "ап");
  return d + (front ? "еген" : "аған");
}

const forms = new Map<string, NumeralForm>();

function add(form: string, f: NumeralForm): void {
  if (EXCLUDED.has(form)) return;
  if (!forms.has(form)) forms.set(form, f);
}

function addInflections(base: string, value: number, cls: NumeralClass, kind: NumeralKind, pxStem?: string): void {
  const front = isFront(base);
  for (const c of CASES) {
    add(base + caseSuffix(base, c, false, front), { value, cls, kind, case: c, px3: false, inflected: c !== "NOM" });
  }
  const px = (pxStem ?? base) + px3Suffix(pxStem ?? base, front);
  for (const c of CASES) {
    add(px + caseSuffix(px, c, true, front), { value, cls, kind, case: c, px3: true, inflected: true });
  }
  // Locative attributive: "жиырмадағы" (the one in its twenties, "20 жылдағы" is on the noun).
  add(base + caseSuffix(base, "LOC", false, front) + (front ? "гі" : "ғы"), { value, cls, kind, case: "NOM", px3: false, inflected: true });
}

for (const [stem, value, cls] of STEMS) {
  const front = isFront(stem);
  const last = stem[stem.length - 1];
  const voiceless = "пфкқтсшщхцч".includes(last);
  addInflections(stem, value, cls, "card", stem === "қырық" ? "қырқ" : undefined);
  addInflections(ordinalStem(stem), value, cls, "ord");
  addInflections(stem + approxSuffix(stem, voiceless, front, "дай"), value, cls, "approx");
  if (cls !== "unit" && cls !== "zero") {
    addInflections(stem + approxSuffix(stem, voiceless, front, "даған"), value, cls, "vague");
    add(stem + approxSuffix(stem, voiceless, front, "дап"), { value, cls, kind: "approx", case: "NOM", px3: false, inflected: true });
  }
}
for (const [stem, value] of COLLECTIVE) {
  addInflections(stem, value, "unit", "coll");
  // "екеуміз" / "екеуіміз" the two of us, "екеуің" / "екеуіңіз" the two of you.
  const front = isFront(stem);
  for (const sfx of front ? ["міз", "іміз", "ің", "іңіз", "іңдер"] : ["мыз", "ымыз", "ың", "ыңыз", "ыңдар"]) {
    add(stem + sfx, { value, cls: "unit", kind: "coll", case: "NOM", px3: true, inflected: true });
  }
}
// жарты "half": "жарты сағат" half an hour, "жарты миллион" half a million, "халықтың жартысы" half
// of the population. It composes like a unit digit, so a following scale word multiplies it.
addInflections("жарты", 0.5, "unit", "card");
// "біреуі" one of them (the bare "біреу" "someone" is excluded above).
addInflections("біреу", 1, "unit", "coll");
for (const [abbr, value] of ABBREVIATIONS) {
  add(abbr, { value, cls: "scale", kind: "card", case: "NOM", px3: false, inflected: false });
}

export function lookupNumeral(lower: string): NumeralForm | undefined {
  return forms.get(lower);
}

/** Every numeral form, for the parser's set of words that can start a candidate. */
export function numeralForms(): Iterable<string> {
  return forms.keys();
}

export interface DigitSuffix {
  kind: NumeralKind;
  case: Case;
  px3: boolean;
  attributive: boolean;
}

const DIGIT_CASE: [string, Case][] = [
  ["ға", "DAT"], ["ге", "DAT"], ["қа", "DAT"], ["ке", "DAT"],
  ["дан", "ABL"], ["ден", "ABL"], ["тан", "ABL"], ["тен", "ABL"], ["нан", "ABL"], ["нен", "ABL"],
  ["ның", "GEN"], ["нің", "GEN"], ["дың", "GEN"], ["дің", "GEN"], ["тың", "GEN"], ["тің", "GEN"],
  ["ны", "ACC"], ["ні", "ACC"], ["ды", "ACC"], ["ді", "ACC"], ["ты", "ACC"], ["ті", "ACC"],
  ["да", "LOC"], ["де", "LOC"], ["та", "LOC"], ["те", "LOC"],
  ["мен", "INS"], ["бен", "INS"], ["пен", "INS"],
];

const PX_CASE: [string, Case][] = [
  ["", "NOM"], ["н", "ACC"], ["на", "DAT"], ["не", "DAT"], ["нан", "ABL"], ["нен", "ABL"],
  ["ның", "GEN"], ["нің", "GEN"], ["нда", "LOC"], ["нде", "LOC"], ["мен", "INS"],
];

function caseOf(rest: string): { case: Case; px3: boolean; attributive: boolean } | null {
  if (rest === "") return { case: "NOM", px3: false, attributive: false };
  let attributive = false;
  let r = rest;
  if (r.endsWith("ғы") || r.endsWith("гі") || r.endsWith("қы") || r.endsWith("кі")) {
    attributive = true;
    r = r.slice(0, -2);
    if (r === "") return { case: "NOM", px3: false, attributive };
  }
  for (const [s, c] of DIGIT_CASE) if (r === s) return { case: attributive ? "NOM" : c, px3: false, attributive };
  // Possessive then case: "9-ы", "16-сы", "5-іне", "62-сін".
  const m = /^(?:с)?[ыі](.*)$/.exec(r);
  if (m) {
    for (const [s, c] of PX_CASE) if (m[1] === s) return { case: c, px3: true, attributive };
  }
  return null;
}

/**
 * Reads the hyphen suffix after digits. The suffix is chosen by the last spoken word of the number
 * ("1000-нан" because мың → мыңнан: after м н ң the ablative is -нан/-нен, morphology.ts), so the analysis accepts any harmonic variant rather than
 * re-deriving the spoken form. Unknown suffixes return null (the number is still read as a cardinal).
 */
export function analyseDigitSuffix(suffix: string): DigitSuffix | null {
  if (suffix === "") return { kind: "card", case: "NOM", px3: false, attributive: false };
  // Ordinal: -інші/-ыншы/-нші/-ншы/-сыншы and the short -ші/-шы ("5-ші"), then optional case/px.
  let m = /^(?:с?[ыі])?н?ш[ыі](.*)$/.exec(suffix);
  if (m) {
    const c = caseOf(m[1]);
    return { kind: "ord", case: c?.case ?? "NOM", px3: c?.px3 ?? false, attributive: c?.attributive ?? false };
  }
  m = /^[дтл][ае](?:ған|ген)(.*)$/.exec(suffix);
  if (m) {
    const c = caseOf(m[1]);
    return { kind: "vague", case: c?.case ?? "NOM", px3: c?.px3 ?? false, attributive: false };
  }
  m = /^[дт](?:ай|ей)(.*)$/.exec(suffix);
  if (m) {
    const c = caseOf(m[1]);
    return { kind: "approx", case: c?.case ?? "NOM", px3: c?.px3 ?? false, attributive: false };
  }
  m = /^[еа]у(.*)$/.exec(suffix);
  if (m) {
    const c = caseOf(m[1]);
    if (c || /^(?:[ыі]м[ыі]з|[ыі]ң[ыі]з)/.test(m[1])) {
      return { kind: "coll", case: c?.case ?? "NOM", px3: c?.px3 ?? true, attributive: false };
    }
  }
  if (suffix === "ақ" || suffix === "ек") {
    return { kind: "emph", case: "NOM", px3: false, attributive: false };
  }
  const c = caseOf(suffix);
  if (c) return { kind: "card", ...c };
  return null;
}
