/**
 * Token-level reader of one number: digits or number words, compounds, decimals, halves, scale
 * words after digits, vague plurals and ranges. It never looks further than the number itself;
 * hedges, units and dates around it are read by extract-claims.ts.
 */
import type { Case } from "./morphology";
import { analyseDigitSuffix, lookupNumeral, type NumeralKind } from "./number-words";
import { isDashCode, type Token } from "./tokenize";

export type NumberKind = NumeralKind | "range";

export interface ParsedNumber {
  /** Token index of the first token. */
  start: number;
  /** Token index one past the last token. */
  end: number;
  value: number;
  /** Bounds for ranges and vague plurals; otherwise equal to value. */
  min: number;
  max: number;
  kind: NumberKind;
  /** Case of the last word (from its ending or the digit suffix); null when unknown. */
  case: Case | null;
  px3: boolean;
  /** Written in digits (as opposed to words). */
  digits: boolean;
  /** Number of digit tokens/words read; 1 for a single "бір". */
  words: number;
  /** True for whole numbers written in digits without a scale word ("2019"), used for years. */
  plainInteger: boolean;
}

function wordAt(tokens: Token[], j: number, sentence: number): Token | null {
  const t = tokens[j];
  if (!t || t.kind !== "word" || t.sentence !== sentence || !t.spaceBefore) return null;
  return t;
}

/**
 * Vague plurals: "ондаған" tens of, "жүздеген" hundreds of, "мыңдаған" thousands of. The plural
 * implies more than one unit of the named order and less than the next order (which would be
 * "ондаған мың" / "жүздеген мың"), so X-даған reads as [2X, 10X − 1]: мыңдаған = 2000..9999.
 */
function vagueBounds(base: number): [number, number] {
  return [2 * base, 10 * base - 1];
}

/**
 * "бірнеше" several: more than one and fewer than ten (ten or more would be "ондаған"). A scale
 * word scales the whole band: "бірнеше мың" 2000..9999, "ондаған мың" 20 000..99 999.
 */
const SEVERAL: [number, number] = [2, 9];

/** Applies following scale words: "10 мың", "1,5 млн", "ондаған мың", "бірнеше миллион". */
function readScales(tokens: Token[], j: number, sentence: number): { factor: number; end: number; case: Case | null; px3: boolean; words: number } {
  let factor = 1;
  let end = j;
  let c: Case | null = null;
  let px3 = false;
  let words = 0;
  let lastScale = Infinity;
  for (;;) {
    const t = wordAt(tokens, end, sentence);
    if (!t) break;
    const f = lookupNumeral(t.lower);
    if (!f || f.cls !== "scale" || f.kind !== "card" || f.value >= lastScale) break;
    factor *= f.value;
    lastScale = f.value;
    end++;
    words++;
    c = f.case;
    px3 = f.px3;
    if (f.inflected) break;
  }
  return { factor, end, case: words > 0 ? c : null, px3, words };
}

function parseDigits(tokens: Token[], i: number): ParsedNumber | null {
  const t = tokens[i];
  const suf = analyseDigitSuffix(t.lower);
  const base: ParsedNumber = {
    start: i,
    end: i + 1,
    value: t.value,
    min: t.value,
    max: t.value,
    kind: suf ? suf.kind : "card",
    case: suf ? suf.case : null,
    px3: suf ? suf.px3 : false,
    digits: true,
    words: 1,
    plainInteger: Number.isInteger(t.value) && t.text.indexOf(",") < 0 && t.text.indexOf(".") < 0,
  };
  if (suf && suf.kind === "vague") {
    const [lo, hi] = vagueBounds(t.value);
    base.min = lo;
    base.max = hi;
  }
  if (t.lower === "") {
    // "10 мың", "2,5 миллиард", "2 млн 500 мың".
    const sc = readScales(tokens, i + 1, t.sentence);
    if (sc.words > 0) {
      let value = t.value * sc.factor;
      let end = sc.end;
      let c = sc.case;
      let px3 = sc.px3;
      const n = tokens[end];
      if (c === "NOM" && !px3 && n && n.kind === "num" && n.lower === "" && n.sentence === t.sentence && n.value < sc.factor) {
        const sc2 = readScales(tokens, end + 1, t.sentence);
        if (sc2.words > 0 && sc2.factor < sc.factor) {
          value += n.value * sc2.factor;
          end = sc2.end;
          c = sc2.case;
          px3 = sc2.px3;
        }
      }
      return { ...base, end, value, min: value, max: value, case: c, px3, words: 1 + sc.words, plainInteger: false };
    }
  }
  return base;
}

function parseWords(tokens: Token[], i: number): ParsedNumber | null {
  const first = tokens[i];
  const sentence = first.sentence;
  if (first.lower === "бірнеше") {
    const sc = readScales(tokens, i + 1, sentence);
    return {
      start: i, end: sc.end, value: 0, min: SEVERAL[0] * sc.factor, max: (SEVERAL[1] + 1) * sc.factor - 1,
      kind: "vague", case: sc.case ?? "NOM", px3: sc.px3, digits: false, words: 1 + sc.words, plainInteger: false,
    };
  }
  let total = 0;
  let cur = 0;
  let lastSmall = Infinity; // magnitude last added inside the current below-thousand segment
  let lastScale = Infinity;
  let j = i;
  let count = 0;
  let kind: NumeralKind = "card";
  let c: Case | null = "NOM";
  let px3 = false;
  let ended = false;
  while (!ended) {
    const t = j === i ? first : wordAt(tokens, j, sentence);
    if (!t || t.kind !== "word") break;
    const f = lookupNumeral(t.lower);
    if (!f) break;
    if (f.kind === "vague") {
      if (count > 0) break;
      const sc = readScales(tokens, j + 1, sentence);
      const [lo, hi] = vagueBounds(f.value);
      return {
        start: i, end: sc.end, value: 0, min: lo * sc.factor, max: (hi + 1) * sc.factor - 1, kind: "vague",
        case: sc.words > 0 ? sc.case : f.case, px3: sc.words > 0 ? sc.px3 : f.px3, digits: false, words: 1 + sc.words, plainInteger: false,
      };
    }
    let ok = true;
    switch (f.cls) {
      case "zero":
        ok = count === 0;
        break;
      case "unit":
        ok = lastSmall > 1;
        if (ok) {
          cur += f.value;
          lastSmall = 1;
        }
        break;
      case "ten":
        ok = lastSmall > 10;
        if (ok) {
          cur += f.value;
          lastSmall = 10;
        }
        break;
      case "hundred":
        // Only a bare digit word may multiply жүз ("үш жүз"); "жиырма жүз" is not a numeral.
        ok = cur < 10;
        if (ok) {
          cur = (cur || 1) * 100;
          lastSmall = 100;
        }
        break;
      case "scale":
        ok = f.value < lastScale;
        if (ok) {
          total += (cur || 1) * f.value;
          cur = 0;
          lastSmall = Infinity;
          lastScale = f.value;
        }
        break;
    }
    if (!ok) break;
    count++;
    j++;
    kind = f.kind;
    c = f.case;
    px3 = f.px3;
    if (f.inflected || f.kind !== "card") {
      ended = true;
      break;
    }
    // Halves: "бір жарым" 1.5, "жеті жарым миллион" 7.5e6, "мың жарым" 1500.
    const h = wordAt(tokens, j, sentence);
    if (h && /^жарым/.test(h.lower)) {
      if (cur > 0) cur += 0.5;
      else if (lastScale !== Infinity) total += 0.5 * lastScale;
      else break;
      j++;
      count++;
      if (h.lower !== "жарым") {
        c = null;
        ended = true;
      }
      continue;
    }
    // Decimals: "екі бүтін оннан сегіз" 2.8 — бүтін, then the denominator in the ablative, then the
    // numerator; a scale word after the numerator scales the whole ("бес бүтін оннан тоғыз триллион").
    const b = wordAt(tokens, j, sentence);
    if (b && b.lower === "бүтін") {
      const den = wordAt(tokens, j + 1, sentence);
      const df = den ? lookupNumeral(den.lower) : undefined;
      if (df && df.case === "ABL" && df.kind === "card" && (df.value === 10 || df.value === 100 || df.value === 1000)) {
        const num = parseSmall(tokens, j + 2, sentence);
        if (num) {
          const whole = total + cur;
          let value = whole + num.value / df.value;
          j = num.end;
          count += 2 + num.words;
          c = num.case;
          px3 = num.px3;
          if (!num.inflected) {
            const sc = readScales(tokens, j, sentence);
            if (sc.words > 0) {
              value *= sc.factor;
              j = sc.end;
              c = sc.case;
              px3 = sc.px3;
              count += sc.words;
            }
          }
          total = value;
          cur = 0;
          ended = true;
          break;
        }
      }
    }
  }
  if (count === 0) return null;
  const value = total + cur;
  // Hyphenated emphatic "бес-ақ" (only five).
  const d = tokens[j];
  const a = tokens[j + 1];
  if (d && a && d.kind === "dash" && !d.spaceBefore && a.kind === "word" && !a.spaceBefore && a.lower === "ақ") {
    return { start: i, end: j + 2, value, min: value, max: value, kind: "emph", case: "NOM", px3: false, digits: false, words: count, plainInteger: false };
  }
  return { start: i, end: j, value, min: value, max: value, kind, case: c, px3, digits: false, words: count, plainInteger: false };
}

/** Numerator after "бүтін оннан": 1–999 in words or digits. */
function parseSmall(tokens: Token[], j: number, sentence: number): { value: number; end: number; words: number; case: Case | null; px3: boolean; inflected: boolean } | null {
  const t = tokens[j];
  if (!t || t.sentence !== sentence) return null;
  if (t.kind === "num") {
    const s = analyseDigitSuffix(t.lower);
    return { value: t.value, end: j + 1, words: 1, case: s?.case ?? null, px3: s?.px3 ?? false, inflected: t.lower !== "" };
  }
  let cur = 0;
  let lastSmall = Infinity;
  let k = j;
  let c: Case | null = "NOM";
  let px3 = false;
  let inflected = false;
  while (k < tokens.length) {
    const w = wordAt(tokens, k, sentence);
    if (!w) break;
    const f = lookupNumeral(w.lower);
    if (!f || f.kind !== "card") break;
    if (f.cls === "unit" && lastSmall > 1) {
      cur += f.value;
      lastSmall = 1;
    } else if (f.cls === "ten" && lastSmall > 10) {
      cur += f.value;
      lastSmall = 10;
    } else if (f.cls === "hundred" && cur < 10) {
      cur = (cur || 1) * 100;
      lastSmall = 100;
    } else break;
    k++;
    c = f.case;
    px3 = f.px3;
    if (f.inflected) {
      inflected = true;
      break;
    }
  }
  if (k === j) return null;
  return { value: cur, end: k, words: k - j, case: c, px3, inflected };
}

/** The largest scale word inside a parsed word number ("үш мың" → 1000), for ranges. */
function topScale(tokens: Token[], p: ParsedNumber): number {
  let s = 1;
  for (let k = p.start; k < p.end; k++) {
    const t = tokens[k];
    if (t.kind !== "word") continue;
    const f = lookupNumeral(t.lower);
    if (f && f.cls === "scale" && f.value > s) s = f.value;
  }
  return s;
}

function parseSingle(tokens: Token[], i: number): ParsedNumber | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === "num") return parseDigits(tokens, i);
  if (t.kind === "word") return parseWords(tokens, i);
  return null;
}

/**
 * One number starting at token i, including a range "3-4", "25 – 30", "екі-үш", "бес-алты мың".
 * The dash must either touch both numbers or be spaced on both sides; the second number must be
 * larger (so "12-3" in an identifier is not a range).
 */
export function parseNumber(tokens: Token[], i: number): ParsedNumber | null {
  const a = parseSingle(tokens, i);
  if (!a) return null;
  const d = tokens[a.end];
  if (a.kind !== "card" || a.case !== "NOM" || a.px3 || !d || d.kind !== "dash" || d.sentence !== tokens[i].sentence) return a;
  const bTok = tokens[a.end + 1];
  if (!bTok || bTok.sentence !== d.sentence || d.spaceBefore !== bTok.spaceBefore) return a;
  if (!isDashCode(d.text.charCodeAt(0))) return a;
  const b = parseSingle(tokens, a.end + 1);
  if (!b || b.kind === "vague" || b.kind === "range" || b.kind === "coll") return a;
  let lo = a.value;
  const hi = b.value;
  // "бес-алты мың", "2-3 млн": the scale written once applies to both ends.
  const bFirst = tokens[b.start].value;
  const scale = b.digits ? (bFirst > 0 ? b.value / bFirst : 1) : topScale(tokens, b);
  if (scale > 1 && lo * scale <= hi && lo < scale) lo = lo * scale;
  if (!(hi > lo)) return a;
  if (b.kind === "ord") {
    return { ...b, start: a.start, kind: "ord", min: lo, max: hi, value: lo, words: a.words + b.words };
  }
  return {
    start: a.start, end: b.end, value: lo, min: lo, max: hi, kind: b.kind === "approx" ? "approx" : "range", case: b.case, px3: b.px3,
    digits: a.digits, words: a.words + b.words, plainInteger: a.plainInteger && b.plainInteger,
  };
}
