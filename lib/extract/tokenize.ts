/**
 * Single-pass tokenizer. One left-to-right scan over UTF-16 code units, no regular expressions on
 * the hot path, so the cost is linear in the text's length whatever the input (very long lines,
 * lone surrogates, other scripts).
 */

export type TokenKind =
  | "word" // run of letters; hyphens split words ("екі-үш" → word, dash, word)
  | "num" // digits, possibly "1 200", "63,3", with an optional hyphen suffix "20-дан"
  | "date" // "05.03.2020"
  | "pct" // "%", possibly "%-ке"
  | "dash" // - – — ‑ ‒ −
  | "punct"; // anything else that is not whitespace

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Source text of the token (including any hyphen suffix). */
  text: string;
  /** Lower-cased text for words; for num/pct the lower-cased suffix after the hyphen ("" if none). */
  lower: string;
  /** Numeric value for "num" tokens. */
  value: number;
  /** For "date" tokens: ISO date. */
  iso: string;
  /** Index of the sentence the token belongs to (sentences break at . ! ? … and line breaks). */
  sentence: number;
  /** True if whitespace separates this token from the previous one. */
  spaceBefore: boolean;
}

const enum C {
  SPACE = 0x20,
  NBSP = 0xa0,
  NNBSP = 0x202f,
  THIN = 0x2009,
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x200b || c === 0xfeff || c === 11 || c === 12 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

const LETTER_RE = /\p{L}|\p{M}/u;

function isLetterCode(c: number, s: string, i: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  // Cyrillic and Cyrillic Supplement hold every Kazakh letter (ә ғ қ ң ө ұ ү һ і).
  if (c >= 0x0400 && c <= 0x052f) return true;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  // A lone or paired surrogate never counts as a letter: other scripts in the astral planes are
  // irrelevant to Kazakh numbers, and a lone surrogate must not break anything.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c === 0x2019 || c === 0x2bc) return false;
  return LETTER_RE.test(s[i]);
}

export function isDashCode(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2212;
}

function isHyphenCode(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

function scanLetters(s: string, i: number, n: number): number {
  while (i < n && isLetterCode(s.charCodeAt(i), s, i)) i++;
  return i;
}

function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (isDigit(c)) v = v * 10 + (c - 48);
  }
  return v;
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/**
 * "05.03.2020" (DD.MM.YYYY, the Kazakh and Russian order). Returns the end index or -1.
 */
function scanNumericDate(s: string, i: number, n: number): { end: number; iso: string } | null {
  let j = i;
  while (j < n && isDigit(s.charCodeAt(j))) j++;
  const dLen = j - i;
  if (dLen < 1 || dLen > 2 || s.charCodeAt(j) !== 46) return null;
  const m0 = j + 1;
  let k = m0;
  while (k < n && isDigit(s.charCodeAt(k))) k++;
  const mLen = k - m0;
  if (mLen < 1 || mLen > 2 || s.charCodeAt(k) !== 46) return null;
  const y0 = k + 1;
  let e = y0;
  while (e < n && isDigit(s.charCodeAt(e))) e++;
  if (e - y0 !== 4) return null;
  const day = digitsValue(s, i, j);
  const month = digitsValue(s, m0, k);
  const year = digitsValue(s, y0, e);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { end: e, iso: `${year}-${pad2(month)}-${pad2(day)}` };
}

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  const n = s.length;
  let i = 0;
  let sentence = 0;
  let space = true;
  let breakPending = false;
  const push = (kind: TokenKind, start: number, end: number, lower: string, value: number, iso: string): void => {
    if (breakPending) {
      if (tokens.length > 0) sentence++;
      breakPending = false;
    }
    tokens.push({ kind, start, end, text: s.slice(start, end), lower, value, iso, sentence, spaceBefore: space });
    space = false;
  };
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (isLineBreak(c)) breakPending = true;
      space = true;
      i++;
      continue;
    }
    if (isDigit(c)) {
      const date = scanNumericDate(s, i, n);
      if (date) {
        push("date", i, date.end, "", 0, date.iso);
        i = date.end;
        continue;
      }
      let j = i;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
      let intEnd = j;
      // "1 200", "12 000 000": thousands groups of exactly three digits after a space, only when the
      // first group has 1-3 digits ("2019 120" stays two numbers).
      if (j - i <= 3) {
        for (;;) {
          const sp = s.charCodeAt(j);
          if (!(sp === C.SPACE || sp === C.NBSP || sp === C.NNBSP || sp === C.THIN)) break;
          if (!(isDigit(s.charCodeAt(j + 1)) && isDigit(s.charCodeAt(j + 2)) && isDigit(s.charCodeAt(j + 3)))) break;
          const after = s.charCodeAt(j + 4);
          if (isDigit(after)) break;
          // "1,5 000" or "3 000,5" are fine; but "12 345-ке" is the same number with a suffix.
          j += 4;
          intEnd = j;
        }
      }
      let value = digitsValue(s, i, intEnd);
      // Decimal comma (Kazakh standard, "63,3") or point ("1.5"); a comma followed by a space is a list.
      const sep = s.charCodeAt(j);
      if ((sep === 44 || sep === 46) && isDigit(s.charCodeAt(j + 1))) {
        let k = j + 1;
        while (k < n && isDigit(s.charCodeAt(k))) k++;
        // "1,200,000" (English grouping) would read as 1.2; accept only when the fraction is not a
        // group of exactly three digits followed by another separator.
        const fracLen = k - j - 1;
        const next = s.charCodeAt(k);
        if (!(fracLen === 3 && (next === 44 || next === 46) && isDigit(s.charCodeAt(k + 1)))) {
          value = value + digitsValue(s, j + 1, k) / Math.pow(10, fracLen);
          j = k;
        }
      }
      let lower = "";
      if (isHyphenCode(s.charCodeAt(j)) && j + 1 < n && isLetterCode(s.charCodeAt(j + 1), s, j + 1)) {
        const e = scanLetters(s, j + 1, n);
        lower = s.slice(j + 1, e).toLowerCase();
        j = e;
      }
      push("num", i, j, lower, value, "");
      i = j;
      continue;
    }
    if (isLetterCode(c, s, i)) {
      const e = scanLetters(s, i + 1, n);
      push("word", i, e, s.slice(i, e).toLowerCase(), 0, "");
      i = e;
      continue;
    }
    if (c === 37 /* % */) {
      let j = i + 1;
      let lower = "";
      if (isHyphenCode(s.charCodeAt(j)) && j + 1 < n && isLetterCode(s.charCodeAt(j + 1), s, j + 1)) {
        const e = scanLetters(s, j + 1, n);
        lower = s.slice(j + 1, e).toLowerCase();
        j = e;
      }
      push("pct", i, j, lower, 0, "");
      i = j;
      continue;
    }
    if (isDashCode(c)) {
      push("dash", i, i + 1, "", 0, "");
      i++;
      continue;
    }
    // Keep a surrogate pair together so a token never splits a code point.
    let e = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && e < n) {
      const d = s.charCodeAt(e);
      if (d >= 0xdc00 && d <= 0xdfff) e++;
    }
    push("punct", i, e, s.slice(i, e), 0, "");
    // Sentence-final punctuation ends the sentence only before whitespace or the end of text,
    // so "т.б" or "azattyq.org" do not split a sentence.
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) {
      if (e >= n || isSpaceCode(s.charCodeAt(e))) breakPending = true;
    }
    i = e;
  }
  return tokens;
}
