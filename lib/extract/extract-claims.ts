/**
 * The claim suggester: tokens → numbers → (hedge, unit, date) → candidates.
 *
 * One pass over the tokens; at each token the readers below look a bounded number of tokens ahead,
 * so the whole run is linear in the text's length.
 */
import { categorise, sentenceCues, type SentenceCues } from "./categories";
import { dateStartWords, isoDate, lookupMonth, matchRelativeDate, periodOf } from "./dates";
import type { Case } from "./morphology";
import { lookupNumeral, numeralForms } from "./number-words";
import { parseNumber, type ParsedNumber } from "./parse-number";
import { boundsFor, matchPostQualifier, matchPreQualifier, PRE_QUALIFIER_WORDS, qualifierName, type QualifierEffect } from "./qualifiers";
import { tokenize, type Token } from "./tokenize";
import type { ClaimCandidate, ClaimQualifier } from "./types";
import { analyseDigitSuffix } from "./number-words";
import { CURRENCY_SYMBOLS, lookupUnit, type UnitKind } from "./units";

interface Draft {
  startTok: number;
  endTok: number;
  sentence: number;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  unitKind: UnitKind | null;
  qualifier: ClaimQualifier;
  isDate: boolean;
  date: string | null;
  seatNear: boolean;
}

interface Step {
  draft: Draft | null;
  next: number;
}

function sameSentenceWord(tokens: Token[], j: number, sentence: number): Token | null {
  const t = tokens[j];
  if (!t || t.kind !== "word" || t.sentence !== sentence) return null;
  return t;
}

interface UnitRead {
  unit: string;
  kind: UnitKind;
  case: Case | null;
  px3: boolean;
  end: number;
  adjective: boolean;
}

/** The unit right after a number: "%", "%-ке", "пайызына", "АҚШ долларын", "шаршы метр", "₸". */
function readUnit(tokens: Token[], k: number, sentence: number): UnitRead | null {
  const t = tokens[k];
  if (!t || t.sentence !== sentence) return null;
  if (t.kind === "pct") {
    const s = analyseDigitSuffix(t.lower);
    return { unit: "percent", kind: "percent", case: s ? s.case : null, px3: s ? s.px3 : false, end: k + 1, adjective: t.lower.endsWith("тік") || t.lower.endsWith("тық") || t.lower.endsWith("дық") };
  }
  if (t.kind === "punct" && CURRENCY_SYMBOLS[t.text]) {
    return { unit: CURRENCY_SYMBOLS[t.text], kind: "money", case: null, px3: false, end: k + 1, adjective: false };
  }
  if (t.kind !== "word" || !t.spaceBefore) return null;
  const w = t.lower;
  // "АҚШ доллары" US dollar.
  if (w === "ақш") {
    const n = sameSentenceWord(tokens, k + 1, sentence);
    const u = n ? lookupUnit(n.lower) : undefined;
    if (u && u.unit === "USD") return { unit: "USD", kind: "money", case: u.case, px3: u.px3, end: k + 2, adjective: u.adjective };
    return null;
  }
  // "шаршы метр" square metre, "текше метр" cubic metre, "шаршы шақырым" km².
  if (w === "шаршы" || w === "текше") {
    const n = sameSentenceWord(tokens, k + 1, sentence);
    const u = n ? lookupUnit(n.lower) : undefined;
    if (u && (u.unit === "m" || u.unit === "km")) {
      return { unit: u.unit + (w === "шаршы" ? "2" : "3"), kind: "measure", case: u.case, px3: u.px3, end: k + 2, adjective: u.adjective };
    }
    return null;
  }
  // "айлық есептік көрсеткіш" (АЕК), the monthly calculation index fines are counted in.
  if (w === "айлық") {
    const n = sameSentenceWord(tokens, k + 1, sentence);
    const m = sameSentenceWord(tokens, k + 2, sentence);
    if (n && n.lower === "есептік" && m && m.lower.startsWith("көрсеткіш")) {
      return { unit: "MCI", kind: "money", case: null, px3: false, end: k + 3, adjective: false };
    }
  }
  const u = lookupUnit(w);
  if (!u) return null;
  return { unit: u.unit, kind: u.kind, case: u.case, px3: u.px3, end: k + 1, adjective: u.adjective };
}

function isYearWord(tokens: Token[], k: number, sentence: number): { end: number; case: Case | null } | null {
  const t = sameSentenceWord(tokens, k, sentence);
  if (!t || !t.spaceBefore) return null;
  if (t.lower === "ж" || t.lower === "жж") {
    const d = tokens[k + 1];
    if (d && d.kind === "punct" && d.text === "." && !d.spaceBefore) return { end: k + 2, case: null };
    return null;
  }
  const u = lookupUnit(t.lower);
  if (!u || u.unit !== "year" || u.adjective || u.kind !== "time") return null;
  return { end: k + 1, case: u.case };
}

/**
 * Year number from a numeral before "жыл". Ordinals are how years are spoken ("2020-сыншы жылы",
 * "тоқсан бірінші жылы" = '91): a two-digit ordinal is read in the 1900s from 30 up and in the 2000s
 * below 30 (the news covers 1930–2029); ordinals under ten are "the n-th year" of something, not a date.
 */
function yearFrom(np: ParsedNumber): number | null {
  const v = np.value;
  if (!Number.isInteger(v)) return null;
  if (np.kind === "ord") {
    if (v >= 1000 && v <= 2100) return v;
    if (v >= 30 && v < 100) return 1900 + v;
    if (v >= 10 && v < 30) return 2000 + v;
    return null;
  }
  if ((np.kind === "card" || np.kind === "range") && np.case === "NOM" && !np.px3 && v >= 1000 && v <= 2100) {
    if (np.digits && !np.plainInteger && np.kind !== "range") return null;
    return v;
  }
  return null;
}

function dayFrom(np: ParsedNumber): number | null {
  const v = np.value;
  if (!Number.isInteger(v) || v < 1 || v > 31) return null;
  if (np.kind !== "card" && np.kind !== "ord" && np.kind !== "range") return null;
  return v;
}

/** After a month word: "күні" (day), a following year "18 маусым 2019 жыл", "айында". */
function readAfterMonth(tokens: Token[], k: number, sentence: number, monthCase: Case): { end: number; year: number | null; case: Case } {
  let end = k;
  let year: number | null = null;
  let c = monthCase;
  const t = tokens[end];
  if (monthCase === "NOM" && t && t.kind === "num" && t.sentence === sentence && t.lower === "" && Number.isInteger(t.value) && t.value >= 1000 && t.value <= 2100) {
    year = t.value;
    end++;
    const y = isYearWord(tokens, end, sentence);
    if (y) {
      end = y.end;
      if (y.case) c = y.case;
    }
  }
  const w = sameSentenceWord(tokens, end, sentence);
  if (w) {
    const u = lookupUnit(w.lower);
    if (u && (u.unit === "day" || u.unit === "month") && u.kind === "time" && (w.lower.startsWith("күн") || w.lower.startsWith("ай"))) {
      end++;
      c = u.case;
    }
  }
  return { end, year, case: c };
}

function dateQualifier(tokens: Token[], k: number, c: Case | null, sentence: number): { end: number; qualifier: ClaimQualifier } {
  const q = matchPostQualifier(tokens, k, c, sentence);
  if (q && (q.effect === "upTo" || q.effect === "from")) return { end: q.end, qualifier: qualifierName(q.effect) };
  return { end: k, qualifier: "EXACT" };
}

function dateDraft(startTok: number, endTok: number, sentence: number, date: string | null, qualifier: ClaimQualifier): Draft {
  return {
    startTok, endTok, sentence, value: null, min: null, max: null, unit: null, unitKind: null,
    qualifier, isDate: true, date, seatNear: false,
  };
}

/** Day + month: "5 наурызда", "10 қаңтар күні", "18 маусым 2019 жыл", "жиырма бесінші қаңтардан". */
function tryDayMonth(tokens: Token[], np: ParsedNumber, start: number, year: number | null): Step | null {
  const sentence = tokens[np.start].sentence;
  if (np.case !== "NOM" || np.px3) return null;
  const day = dayFrom(np);
  if (day === null) return null;
  const m = sameSentenceWord(tokens, np.end, sentence);
  if (!m) return null;
  const mf = lookupMonth(m.lower);
  if (!mf || mf.px3) return null;
  const after = readAfterMonth(tokens, np.end + 1, sentence, mf.case);
  const q = dateQualifier(tokens, after.end, after.case, sentence);
  const iso = isoDate(year ?? after.year, mf.month, day);
  return { draft: dateDraft(start, q.end, sentence, iso, q.qualifier), next: q.end };
}

/** Year: "2019 жылы", "2016 жылғы", "2020-сыншы жылы", "екі мың он тоғыз жылы", then an optional month/day. */
function tryYear(tokens: Token[], np: ParsedNumber, start: number): Step | null {
  const sentence = tokens[np.start].sentence;
  const year = yearFrom(np);
  if (year === null) return null;
  const y = isYearWord(tokens, np.end, sentence);
  if (!y) {
    // "2019-да", "2020-дан бастап": a four-digit number with a case ending and no unit is a year.
    const t = tokens[np.start];
    if (np.digits && np.kind === "card" && np.end === np.start + 1 && t.lower !== "" && (np.case === "LOC" || np.case === "ABL" || np.case === "DAT") && !readUnit(tokens, np.end, sentence) && year >= 1900) {
      const q = dateQualifier(tokens, np.end, np.case, sentence);
      return { draft: dateDraft(start, q.end, sentence, String(year), q.qualifier), next: q.end };
    }
    return null;
  }
  let end = y.end;
  let c = y.case;
  // "2019 жылғы 5 наурызда", "2019 жылы наурыз айында".
  const n = tokens[end];
  if (n && n.sentence === sentence && (n.kind === "num" || n.kind === "word")) {
    const mf = n.kind === "word" ? lookupMonth(n.lower) : undefined;
    if (mf && !mf.px3) {
      const after = readAfterMonth(tokens, end + 1, sentence, mf.case);
      const q = dateQualifier(tokens, after.end, after.case, sentence);
      return { draft: dateDraft(start, q.end, sentence, isoDate(year, mf.month, null), q.qualifier), next: q.end };
    }
    const dn = parseNumber(tokens, end);
    if (dn) {
      const dm = tryDayMonth(tokens, dn, start, year);
      if (dm) return dm;
    }
  }
  const q = dateQualifier(tokens, end, c, sentence);
  end = q.end;
  return { draft: dateDraft(start, end, sentence, String(year), q.qualifier), next: end };
}

/** A month word not preceded by a day: "маусымның 9-ы күні", "наурыз айында", "қыркүйекте". */
function tryMonth(tokens: Token[], i: number): Step | null {
  const t = tokens[i];
  if (t.kind !== "word") return null;
  const mf = lookupMonth(t.lower);
  if (!mf) return null;
  const sentence = t.sentence;
  // Day as the possessed noun of the month: "маусымның 9-ы", "тамыздың он тоғызы", "наурыздың 5-і".
  if (mf.case === "GEN" && !mf.px3) {
    const dn = parseNumber(tokens, i + 1);
    if (dn && tokens[i + 1].sentence === sentence && dn.px3 && Number.isInteger(dn.value) && dn.value >= 1 && dn.value <= 31) {
      const after = readAfterMonth(tokens, dn.end, sentence, dn.case ?? "NOM");
      const q = dateQualifier(tokens, after.end, after.case, sentence);
      return { draft: dateDraft(i, q.end, sentence, isoDate(null, mf.month, dn.value), q.qualifier), next: q.end };
    }
  }
  const n = sameSentenceWord(tokens, i + 1, sentence);
  const nu = n ? lookupUnit(n.lower) : undefined;
  if (n && nu && nu.unit === "month" && n.lower.startsWith("ай")) {
    const q = dateQualifier(tokens, i + 2, nu.case, sentence);
    return { draft: dateDraft(i, q.end, sentence, isoDate(null, mf.month, null), q.qualifier), next: q.end };
  }
  // Standing alone, only inflected forms are read ("қыркүйекте" in September, "шілдеден бастап"):
  // a bare "Наурыз" is the holiday, "қазан" also a cauldron and the city of Kazan, and a capital
  // letter mid-sentence marks a name (Kazakh writes month names in lower case).
  if (mf.month === 10 || mf.px3) return null;
  if (mf.case === "NOM" && !mf.attributive) return null;
  const prev = tokens[i - 1];
  const capital = t.text[0] !== t.lower[0];
  if (capital && prev && prev.sentence === sentence && !(prev.kind === "punct" && /[«"“(]/.test(prev.text))) return null;
  const q = dateQualifier(tokens, i + 1, mf.case, sentence);
  return { draft: dateDraft(i, q.end, sentence, isoDate(null, mf.month, null), q.qualifier), next: q.end };
}

/** Clock times "таңғы алтыда" (at six in the morning), "сағат 7-де": the hour, not a count. */
const CLOCK_WORDS = new Set(["таңғы", "кешкі", "түнгі", "түскі", "сағат", "таңертеңгі"]);

function isIdentifierContext(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (!p) return false;
  // "№344" polling station numbers, "Covid-19", "Су-27": identifiers, not quantities.
  if (p.kind === "punct" && (p.text === "№" || p.text === "#")) return true;
  if (p.kind === "dash" && !tokens[i].spaceBefore && !p.spaceBefore) {
    const pp = tokens[i - 2];
    if (pp && pp.kind === "word") return true;
  }
  // A number glued to letters ("COVID19", "A4") is part of a name.
  if (p.kind === "word" && !tokens[i].spaceBefore) return true;
  return false;
}

const ARTICLE_ONE_NEXT = new Set([
  "топ", "тобы", "қызығы", "кездері", "кезде", "кезі", "кезінде", "кездерде", "уақытта", "уақыттары", "сәт", "сәтте",
  "өзі", "жағынан", "түрлі", "нәрсе", "нәрсені", "жерде", "сөзбен", "жолы", "белдеу", "шама", "шетінен", "ауыздан",
  "мезетте", "күндері",
]);

function isArticleOne(tokens: Token[], k: number): boolean {
  const n = tokens[k];
  if (!n || n.sentence !== tokens[k - 1].sentence) return false;
  if (n.kind === "dash") {
    const m = tokens[k + 1];
    return !n.spaceBefore && !!m && m.kind === "word" && m.lower.startsWith("бір");
  }
  if (n.kind === "punct") return true;
  return n.kind === "word" && ARTICLE_ONE_NEXT.has(n.lower);
}

function combine(pre: QualifierEffect | null, post: QualifierEffect | null): QualifierEffect | null {
  if (post && post !== "exact") return post;
  return pre ?? post;
}

function tryNumber(tokens: Token[], i: number): Step | null {
  const t = tokens[i];
  const sentence = t.sentence;
  const pre = matchPreQualifier(tokens, i, sentence);
  const j = pre ? pre.end : i;
  const first = tokens[j];
  if (!first || first.sentence !== sentence || (first.kind !== "num" && first.kind !== "word")) return null;
  const np = parseNumber(tokens, j);
  if (!np) return null;
  if (first.kind === "num" && isIdentifierContext(tokens, j)) return { draft: null, next: np.end };

  const year = tryYear(tokens, np, i);
  if (year) return year;
  const dm = tryDayMonth(tokens, np, i, null);
  if (dm) return dm;
  if (np.kind === "ord") {
    // "екінші күні" on the second day, "үшінші жыл" the third year, "жиырмасыншы ғасырда" in the 20th
    // century: relative to something the text names, so a date candidate without an ISO date.
    const pw = sameSentenceWord(tokens, np.end, sentence);
    const period = pw ? periodOf(pw.lower) : undefined;
    if (pw && period && period !== "season") {
      const q = dateQualifier(tokens, np.end + 1, null, sentence);
      return { draft: dateDraft(i, q.end, sentence, null, "EXACT"), next: q.end };
    }
    return { draft: null, next: np.end };
  }

  // "18-і күні" on the 18th (of a month the reader already knows): the day is the possessed noun.
  if (np.px3 && np.kind === "card" && Number.isInteger(np.value) && np.value >= 1 && np.value <= 31) {
    const kw = sameSentenceWord(tokens, np.end, sentence);
    if (kw && kw.lower === "күні") {
      const q = dateQualifier(tokens, np.end + 1, null, sentence);
      return { draft: dateDraft(i, q.end, sentence, isoDate(null, null, np.value), "EXACT"), next: q.end };
    }
  }

  let k = np.end;
  let c: Case | null = np.case;
  let effect: QualifierEffect | null = pre ? pre.effect : null;

  // Fractions: "үштен бірі" one third, "оннан бірі" one tenth (denominator in the ablative, numerator
  // with the possessive).
  if (np.case === "ABL" && np.kind === "card" && np.value >= 2) {
    const f = parseNumber(tokens, k);
    if (f && tokens[k].sentence === sentence && f.px3 && f.kind === "card" && f.value < np.value && f.value >= 1) {
      const v = f.value / np.value;
      return {
        draft: {
          startTok: i, endTok: f.end, sentence, value: v, min: v, max: v, unit: "fraction", unitKind: null,
          qualifier: "EXACT", isDate: false, date: null, seatNear: false,
        },
        next: f.end,
      };
    }
  }

  const q1 = matchPostQualifier(tokens, k, c, sentence);
  if (q1) {
    effect = combine(effect, q1.effect);
    k = q1.end;
  }
  const u = readUnit(tokens, k, sentence);
  if (u) {
    k = u.end;
    c = u.case;
    const q2 = q1 ? null : matchPostQualifier(tokens, k, c, sentence);
    if (q2) {
      effect = combine(effect, q2.effect);
      k = q2.end;
    }
  }

  // "33 минуттан бері" for the past 33 minutes: with a duration, "бері" (since) measures the time up
  // to now, an exact length rather than a lower bound.
  if (effect === "from" && u && u.kind === "time") effect = "exact";

  // "бір" is also the indefinite article. KazNERD's annotators read "бір" + noun as a count even
  // before adjectives ("бір маңызды мәселе"), and a fact-checker does care about "бір адам" (one
  // person cast three ballots), so bare "бір" is proposed, except in the fixed expressions where
  // it cannot be a count: "бір топ" (a group), "бір кездері" (once upon a time), "бір қызығы" (the
  // funny thing is), "бір-бірі" (each other), and before punctuation ("бір (екі)...").
  const bareOne = !np.digits && np.words === 1 && np.value === 1 && np.kind === "card" && !np.px3 && np.case === "NOM";
  if (bareOne && !u && !effect && isArticleOne(tokens, np.end)) {
    // Skip the whole "бір-бірі" so its second half is not read as "one of them".
    return { draft: null, next: tokens[np.end]?.kind === "dash" ? np.end + 2 : np.end };
  }

  let unit: string | null = u ? u.unit : null;
  let unitKind: UnitKind | null = u ? u.kind : null;
  if (!unit && !np.digits && np.px3 && np.value > 0 && np.value < 1) {
    // "халықтың жартысы" half of the population.
    unit = "fraction";
  }
  if (!unit && np.kind === "coll") {
    // Collective numerals count people: "екеуі" the two of them.
    unit = "person";
    unitKind = "person";
  }
  const prevTok = tokens[np.start - 1];
  if (!unit && prevTok && prevTok.sentence === sentence && prevTok.kind === "word" && CLOCK_WORDS.has(prevTok.lower)) {
    unit = "o'clock";
    unitKind = null;
  }

  let value: number | null = np.value;
  let min: number | null = np.min;
  let max: number | null = np.max;
  let qualifier: ClaimQualifier = "EXACT";
  if (np.kind === "vague") {
    value = null;
    qualifier = "VAGUE";
  } else if (np.kind === "range") {
    // A range is reported by its bounds; the figure itself is not pinned down (APPROXIMATELY).
    value = null;
    qualifier = "APPROXIMATELY";
    if (effect === "upTo" || effect === "less") {
      qualifier = qualifierName(effect);
      min = null;
    } else if (effect === "more" || effect === "atLeast" || effect === "from") {
      qualifier = qualifierName(effect);
      max = null;
    }
  } else if (np.kind === "approx") {
    qualifier = "APPROXIMATELY";
    min = null;
    max = null;
  } else if (effect) {
    qualifier = qualifierName(effect);
    const b = boundsFor(effect, np.value);
    min = b.min;
    max = b.max;
  }

  const seatWord = (x: Token | undefined): boolean => !!x && x.kind === "word" && x.sentence === sentence && lookupUnit(x.lower)?.kind === "seat";
  const seatNear = seatWord(tokens[np.start - 1]) || seatWord(tokens[np.start - 2]);
  return {
    draft: { startTok: i, endTok: k, sentence, value, min, max, unit, unitKind, qualifier, isDate: false, date: null, seatNear },
    next: k,
  };
}

/**
 * Words that can open a candidate. Almost every word of running text is not one of them, so one set
 * lookup lets the scanner pass over it without trying each reader in turn.
 */
const TRIGGERS = new Set<string>([...numeralForms(), "бірнеше", ...dateStartWords(), ...PRE_QUALIFIER_WORDS]);

function step(tokens: Token[], i: number): Step | null {
  const t = tokens[i];
  if (t.kind === "word" && !TRIGGERS.has(t.lower)) return null;
  if (t.kind === "date") {
    const q = dateQualifier(tokens, i + 1, null, t.sentence);
    return { draft: dateDraft(i, i + 1, t.sentence, t.iso, "EXACT"), next: Math.max(i + 1, q.end) };
  }
  if (t.kind === "num" || t.kind === "word") {
    const n = tryNumber(tokens, i);
    if (n) return n;
  }
  if (t.kind === "word") {
    const m = tryMonth(tokens, i);
    if (m) return m;
    const r = matchRelativeDate(tokens, i);
    if (r) return { draft: dateDraft(i, r.end, t.sentence, null, r.vague ? "VAGUE" : "EXACT"), next: r.end };
  }
  return null;
}

function cuesFor(tokens: Token[], idx: number, cache: Map<number, SentenceCues>): SentenceCues {
  const s = tokens[idx].sentence;
  const hit = cache.get(s);
  if (hit) return hit;
  let a = idx;
  while (a > 0 && tokens[a - 1].sentence === s) a--;
  let b = idx;
  while (b < tokens.length && tokens[b].sentence === s) b++;
  const cues = sentenceCues(tokens, a, b);
  cache.set(s, cues);
  return cues;
}

function finish(text: string, tokens: Token[], drafts: Draft[]): ClaimCandidate[] {
  const cache = new Map<number, SentenceCues>();
  const out: ClaimCandidate[] = [];
  // Event date of a sentence: the nearest dated candidate in the same sentence, preceding first.
  // Two linear sweeps (forward for the last date seen, backward for the next one) keep this O(n)
  // even for a single enormous sentence.
  const before: (string | null)[] = new Array(drafts.length).fill(null);
  let lastSentence = -1;
  let last: string | null = null;
  for (let d = 0; d < drafts.length; d++) {
    const c = drafts[d];
    if (c.sentence !== lastSentence) {
      lastSentence = c.sentence;
      last = null;
    }
    before[d] = last;
    if (c.isDate && c.date) last = c.date;
  }
  lastSentence = -1;
  last = null;
  for (let d = drafts.length - 1; d >= 0; d--) {
    const c = drafts[d];
    if (c.sentence !== lastSentence) {
      lastSentence = c.sentence;
      last = null;
    }
    if (!c.isDate) c.date = before[d] ?? last;
    if (c.isDate && c.date) last = c.date;
  }
  for (const c of drafts) {
    const start = tokens[c.startTok].start;
    const end = tokens[c.endTok - 1].end;
    const category = categorise({ unitKind: c.unitKind, unit: c.unit, isDate: c.isDate }, cuesFor(tokens, c.startTok, cache), c.seatNear);
    out.push({
      start, end, text: text.slice(start, end), value: c.value, min: c.min, max: c.max, unit: c.unit,
      qualifier: c.qualifier, category, date: c.date,
    });
  }
  return out;
}

/**
 * Finds candidate numeric claims in Kazakh text. Never throws: on unexpected input it returns what
 * it has read so far (possibly nothing). With `limit`, reading stops at that many candidates, so
 * a caller that refuses past a cap does not read a million figures first.
 */
export function extractClaims(text: string, options: { limit?: number } = {}): ClaimCandidate[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const limit = options.limit ?? Infinity;
  const drafts: Draft[] = [];
  let tokens: Token[] = [];
  try {
    tokens = tokenize(text);
    let i = 0;
    while (i < tokens.length && drafts.length < limit) {
      const s = step(tokens, i);
      if (s) {
        if (s.draft && s.draft.endTok > s.draft.startTok) drafts.push(s.draft);
        i = Math.max(s.next, i + 1);
      } else {
        i++;
      }
    }
  } catch {
    // Fall through with the drafts read before the failure.
  }
  try {
    return finish(text, tokens, drafts);
  } catch {
    return [];
  }
}

/** Exposed for tests: is this lower-cased word a numeral form? */
export function isNumeralWord(lower: string): boolean {
  return lookupNumeral(lower) !== undefined;
}
