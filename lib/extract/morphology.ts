/**
 * Kazakh suffix generation. Rather than stripping endings off unknown words (which turns "алтын"
 * gold into "алты" six), every lexicon stem is expanded once, at load time, into its inflected
 * forms; a token then matches only if the whole token is one of those forms.
 *
 * Rules (Kazakh vowel harmony and consonant assimilation): the suffix vowel follows the stem's last vowel (back а о ұ ы /
 * front ә е ө ү і э), the initial consonant follows the stem's final sound:
 *   dative   -ға/-ге after vowels and voiced, -қа/-ке after voiceless, -на/-не after a possessive
 *   ablative -дан/-ден, -тан/-тен after voiceless, -нан/-нен after м н ң and after a possessive
 *   genitive -ның/-нің after vowels and м н ң, -дың/-дің after ж з л р у й, -тың/-тің after voiceless
 *   accus.   -ны/-ні after vowels, -ды/-ді after voiced, -ты/-ті after voiceless, -н after a possessive
 *   locative -да/-де, -та/-те after voiceless, -нда/-нде after a possessive
 *   instr.   -мен/-бен/-пен (no vowel harmony)
 *   px3      -ы/-і after consonants, -сы/-сі after vowels
 */

export type Case = "NOM" | "DAT" | "ABL" | "GEN" | "ACC" | "LOC" | "INS";

export interface Form {
  form: string;
  case: Case;
  /** 3rd-person possessive present ("мыңы", "орнының"). */
  px3: boolean;
  plural: boolean;
  /** Attributive -ғы/-гі or -дағы/-дегі ("жылғы", "маусымдағы"). */
  attributive: boolean;
  /** Relational adjective -лық/-дық/-тық ("пайыздық", "орындық", "жылдық"). */
  adjective: boolean;
}

const BACK = "аоұыяёю";
const FRONT = "әеөүіэ";
const VOWELS = "аоұыяёюәеөүіэуи";
const VOICELESS = "пфкқтсшщхцчбвгд";
const NASAL = "мнң";

type Ending = "vowel" | "nasal" | "sonorant" | "voiced" | "voiceless";

export function isFront(stem: string): boolean {
  for (let i = stem.length - 1; i >= 0; i--) {
    const ch = stem[i];
    if (BACK.includes(ch)) return false;
    if (FRONT.includes(ch)) return true;
  }
  // "и" and "у" are neutral; words with neither class ("км") default to front only if "и" occurs.
  return stem.includes("и");
}

function endingOf(stem: string): Ending {
  const last = stem[stem.length - 1];
  if (last === "у" || last === "й" || last === "и") return "sonorant";
  if (last === "ь") return endingOf(stem.slice(0, -1));
  if (VOWELS.includes(last)) return "vowel";
  if (NASAL.includes(last)) return "nasal";
  if (last === "л" || last === "р") return "sonorant";
  if (last === "ж" || last === "з") return "voiced";
  if (VOICELESS.includes(last)) return "voiceless";
  return "voiced";
}

function v(front: boolean, back: string, fr: string): string {
  return front ? fr : back;
}

/** Attach a case suffix to a bare or possessed stem. */
export function caseSuffix(stem: string, c: Case, afterPx: boolean, front = isFront(stem)): string {
  const end = endingOf(stem);
  switch (c) {
    case "NOM":
      return "";
    case "DAT":
      if (afterPx) return v(front, "на", "не");
      return end === "voiceless" ? v(front, "қа", "ке") : v(front, "ға", "ге");
    case "ABL":
      if (afterPx || end === "nasal") return v(front, "нан", "нен");
      return end === "voiceless" ? v(front, "тан", "тен") : v(front, "дан", "ден");
    case "GEN":
      if (afterPx || end === "vowel" || end === "nasal") return v(front, "ның", "нің");
      return end === "voiceless" ? v(front, "тың", "тің") : v(front, "дың", "дің");
    case "ACC":
      if (afterPx) return "н";
      if (end === "vowel") return v(front, "ны", "ні");
      return end === "voiceless" ? v(front, "ты", "ті") : v(front, "ды", "ді");
    case "LOC":
      if (afterPx) return v(front, "нда", "нде");
      return end === "voiceless" ? v(front, "та", "те") : v(front, "да", "де");
    case "INS":
      if (end === "voiceless") return "пен";
      if (end === "voiced") return "бен";
      return "мен";
  }
}

export function px3Suffix(stem: string, front = isFront(stem)): string {
  return endingOf(stem) === "vowel" ? v(front, "сы", "сі") : v(front, "ы", "і");
}

export function pluralSuffix(stem: string, front = isFront(stem)): string {
  const end = endingOf(stem);
  const last = stem[stem.length - 1];
  if (end === "vowel" || last === "р" || last === "у" || last === "й") return v(front, "лар", "лер");
  if (end === "voiceless") return v(front, "тар", "тер");
  return v(front, "дар", "дер");
}

export function adjectiveSuffix(stem: string, front = isFront(stem)): string {
  const end = endingOf(stem);
  const last = stem[stem.length - 1];
  if (end === "vowel" || last === "р" || last === "у" || last === "й") return v(front, "лық", "лік");
  if (end === "voiceless") return v(front, "тық", "тік");
  return v(front, "дық", "дік");
}

const CASES: Case[] = ["NOM", "DAT", "ABL", "GEN", "ACC", "LOC", "INS"];

export interface InflectOptions {
  /** Irregular possessive stem: орын → орны, қырық → қырқы (vowel drop / voicing). */
  px3Stem?: string;
  /** Generate both vowel classes (loanwords such as "процент", "рубль" vary in usage). */
  bothHarmonies?: boolean;
  plural?: boolean;
  adjective?: boolean;
}

/**
 * Every form of a noun-like stem: bare, case-marked, possessed (+case), plural (+px3, +case),
 * locative attributive "-дағы", temporal attributive "-ғы" and the relational adjective "-лық".
 */
export function inflect(stem: string, opts: InflectOptions = {}): Form[] {
  const out: Form[] = [];
  const harmonies = opts.bothHarmonies ? [false, true] : [isFront(stem)];
  for (const front of harmonies) {
    const bases: { s: string; px3: boolean; plural: boolean }[] = [{ s: stem, px3: false, plural: false }];
    const px = opts.px3Stem ? opts.px3Stem + px3Suffix(opts.px3Stem, front) : stem + px3Suffix(stem, front);
    bases.push({ s: px, px3: true, plural: false });
    if (opts.plural !== false) {
      const pl = stem + pluralSuffix(stem, front);
      bases.push({ s: pl, px3: false, plural: true });
      bases.push({ s: pl + v(front, "ы", "і"), px3: true, plural: true });
    }
    for (const b of bases) {
      for (const c of CASES) {
        const f = b.s + caseSuffix(b.s, c, b.px3, front);
        out.push({ form: f, case: c, px3: b.px3, plural: b.plural, attributive: false, adjective: false });
        if (c === "LOC") out.push({ form: f + v(front, "ғы", "гі"), case: "NOM", px3: b.px3, plural: b.plural, attributive: true, adjective: false });
      }
    }
    // "жылғы", "биылғы": temporal attributive directly on the stem.
    const end = endingOf(stem);
    const attr = stem + (end === "voiceless" ? v(front, "қы", "кі") : v(front, "ғы", "гі"));
    out.push({ form: attr, case: "NOM", px3: false, plural: false, attributive: true, adjective: false });
    if (opts.adjective !== false) {
      const adj = stem + adjectiveSuffix(stem, front);
      for (const c of CASES) {
        out.push({ form: adj + caseSuffix(adj, c, false, front), case: c, px3: false, plural: false, attributive: false, adjective: true });
      }
    }
  }
  return out;
}
