/**
 * The date reader: days, months and years written in words or digits ("5 наурызда", "2019 жылғы
 * 5 наурызда", "маусымның 9-ы күні", "қыркүйекте"), read where the number reader meets a numeral
 * or the scanner meets a month word. The month and time-word tables are in dates.ts.
 */
import { AMBIGUOUS_MONTHS, isoDate, lookupMonth } from "./dates";
import { dateDraft, sameSentenceWord, type Step } from "./draft";
import type { Case } from "./morphology";
import { parseNumber, type ParsedNumber } from "./parse-number";
import { matchPostQualifier, qualifierName } from "./qualifiers";
import { readUnit } from "./read-unit";
import type { Token } from "./tokenize";
import type { ClaimQualifier } from "./types";
import { lookupUnit } from "./units";

/** "жыл" (year) in any case, or the abbreviation "ж." / "жж.", right after a number. */
function readYearWord(tokens: Token[], index: number, sentence: number): { end: number; case: Case | null } | null {
  const token = sameSentenceWord(tokens, index, sentence);
  if (!token || !token.spaceBefore) return null;
  if (token.lower === "ж" || token.lower === "жж") {
    const dot = tokens[index + 1];
    if (dot && dot.kind === "punct" && dot.text === "." && !dot.spaceBefore) return { end: index + 2, case: null };
    return null;
  }
  const form = lookupUnit(token.lower);
  if (!form || form.unit !== "year" || form.adjective || form.kind !== "time") return null;
  return { end: index + 1, case: form.case };
}

/**
 * Year number from a numeral before "жыл". Ordinals are how years are spoken ("2020-сыншы жылы",
 * "тоқсан бірінші жылы" = '91): a two-digit ordinal is read in the 1900s from 30 up and in the 2000s
 * below 30 (the news covers 1930–2029); ordinals under ten are "the n-th year" of something, not a date.
 */
function yearFrom(number: ParsedNumber): number | null {
  const value = number.value;
  if (!Number.isInteger(value)) return null;
  if (number.kind === "ord") {
    if (value >= 1000 && value <= 2100) return value;
    if (value >= 30 && value < 100) return 1900 + value;
    if (value >= 10 && value < 30) return 2000 + value;
    return null;
  }
  if ((number.kind === "card" || number.kind === "range") && number.case === "NOM" && !number.px3 && value >= 1000 && value <= 2100) {
    if (number.digits && !number.plainInteger && number.kind !== "range") return null;
    return value;
  }
  return null;
}

function dayFrom(number: ParsedNumber): number | null {
  const value = number.value;
  if (!Number.isInteger(value) || value < 1 || value > 31) return null;
  if (number.kind !== "card" && number.kind !== "ord" && number.kind !== "range") return null;
  return value;
}

/** After a month word: "күні" (day), a following year "18 маусым 2019 жыл", "айында". */
function readAfterMonth(tokens: Token[], index: number, sentence: number, monthCase: Case): { end: number; year: number | null; case: Case } {
  let end = index;
  let year: number | null = null;
  let endCase = monthCase;
  const token = tokens[end];
  if (monthCase === "NOM" && token && token.kind === "num" && token.sentence === sentence && token.lower === "" && Number.isInteger(token.value) && token.value >= 1000 && token.value <= 2100) {
    year = token.value;
    end++;
    const yearWord = readYearWord(tokens, end, sentence);
    if (yearWord) {
      end = yearWord.end;
      if (yearWord.case) endCase = yearWord.case;
    }
  }
  const word = sameSentenceWord(tokens, end, sentence);
  if (word) {
    const form = lookupUnit(word.lower);
    if (form && (form.unit === "day" || form.unit === "month") && form.kind === "time" && (word.lower.startsWith("күн") || word.lower.startsWith("ай"))) {
      end++;
      endCase = form.case;
    }
  }
  return { end, year, case: endCase };
}

/** "дейін" (until) or "бастап"/"бері" (since) after a date: its qualifier; anything else leaves it exact. */
export function dateQualifier(tokens: Token[], index: number, precedingCase: Case | null, sentence: number): { end: number; qualifier: ClaimQualifier } {
  const postQualifier = matchPostQualifier(tokens, index, precedingCase, sentence);
  if (postQualifier && (postQualifier.effect === "upTo" || postQualifier.effect === "from")) {
    return { end: postQualifier.end, qualifier: qualifierName(postQualifier.effect) };
  }
  return { end: index, qualifier: "EXACT" };
}

/** Day + month: "5 наурызда", "10 қаңтар күні", "18 маусым 2019 жыл", "жиырма бесінші қаңтардан". */
export function tryDayMonth(tokens: Token[], number: ParsedNumber, start: number, year: number | null): Step | null {
  const sentence = tokens[number.start].sentence;
  if (number.case !== "NOM" || number.px3) return null;
  const day = dayFrom(number);
  if (day === null) return null;
  const monthWord = sameSentenceWord(tokens, number.end, sentence);
  if (!monthWord) return null;
  const month = lookupMonth(monthWord.lower);
  if (!month || month.px3) return null;
  const after = readAfterMonth(tokens, number.end + 1, sentence, month.case);
  const qualified = dateQualifier(tokens, after.end, after.case, sentence);
  const iso = isoDate(year ?? after.year, month.month, day);
  return { draft: dateDraft(start, qualified.end, sentence, iso, qualified.qualifier), next: qualified.end };
}

/** Year: "2019 жылы", "2016 жылғы", "2020-сыншы жылы", "екі мың он тоғыз жылы", then an optional month/day. */
export function tryYear(tokens: Token[], number: ParsedNumber, start: number): Step | null {
  const sentence = tokens[number.start].sentence;
  const year = yearFrom(number);
  if (year === null) return null;
  const yearWord = readYearWord(tokens, number.end, sentence);
  if (!yearWord) {
    // "2019-да", "2020-дан бастап": a four-digit number with a case ending and no unit is a year.
    const token = tokens[number.start];
    if (number.digits && number.kind === "card" && number.end === number.start + 1 && token.lower !== "" && (number.case === "LOC" || number.case === "ABL" || number.case === "DAT") && !readUnit(tokens, number.end, sentence) && year >= 1900) {
      const qualified = dateQualifier(tokens, number.end, number.case, sentence);
      return { draft: dateDraft(start, qualified.end, sentence, String(year), qualified.qualifier), next: qualified.end };
    }
    return null;
  }
  let end = yearWord.end;
  // "2019 жылғы 5 наурызда", "2019 жылы наурыз айында".
  const next = tokens[end];
  if (next && next.sentence === sentence && (next.kind === "num" || next.kind === "word")) {
    const month = next.kind === "word" ? lookupMonth(next.lower) : undefined;
    if (month && !month.px3) {
      const after = readAfterMonth(tokens, end + 1, sentence, month.case);
      const qualified = dateQualifier(tokens, after.end, after.case, sentence);
      return { draft: dateDraft(start, qualified.end, sentence, isoDate(year, month.month, null), qualified.qualifier), next: qualified.end };
    }
    const dayNumber = parseNumber(tokens, end);
    if (dayNumber) {
      const dayMonth = tryDayMonth(tokens, dayNumber, start, year);
      if (dayMonth) return dayMonth;
    }
  }
  const qualified = dateQualifier(tokens, end, yearWord.case, sentence);
  end = qualified.end;
  return { draft: dateDraft(start, end, sentence, String(year), qualified.qualifier), next: end };
}

/** A month word not preceded by a day: "маусымның 9-ы күні", "наурыз айында", "қыркүйекте". */
export function tryMonth(tokens: Token[], index: number): Step | null {
  const token = tokens[index];
  if (token.kind !== "word") return null;
  const month = lookupMonth(token.lower);
  if (!month) return null;
  const sentence = token.sentence;
  // Day as the possessed noun of the month: "маусымның 9-ы", "тамыздың он тоғызы", "наурыздың 5-і".
  if (month.case === "GEN" && !month.px3) {
    const dayNumber = parseNumber(tokens, index + 1);
    if (dayNumber && tokens[index + 1].sentence === sentence && dayNumber.px3 && Number.isInteger(dayNumber.value) && dayNumber.value >= 1 && dayNumber.value <= 31) {
      const after = readAfterMonth(tokens, dayNumber.end, sentence, dayNumber.case ?? "NOM");
      const qualified = dateQualifier(tokens, after.end, after.case, sentence);
      return { draft: dateDraft(index, qualified.end, sentence, isoDate(null, month.month, dayNumber.value), qualified.qualifier), next: qualified.end };
    }
  }
  const next = sameSentenceWord(tokens, index + 1, sentence);
  const nextUnit = next ? lookupUnit(next.lower) : undefined;
  if (next && nextUnit && nextUnit.unit === "month" && next.lower.startsWith("ай")) {
    const qualified = dateQualifier(tokens, index + 2, nextUnit.case, sentence);
    return { draft: dateDraft(index, qualified.end, sentence, isoDate(null, month.month, null), qualified.qualifier), next: qualified.end };
  }
  // Standing alone, only inflected forms are read ("қыркүйекте" in September, "шілдеден бастап"):
  // a bare "Наурыз" is the holiday, "қазан" also a cauldron and the city of Kazan, and a capital
  // letter mid-sentence marks a name (Kazakh writes month names in lower case).
  if (AMBIGUOUS_MONTHS.has(month.month) || month.px3) return null;
  if (month.case === "NOM" && !month.attributive) return null;
  const previous = tokens[index - 1];
  const capital = token.text[0] !== token.lower[0];
  if (capital && previous && previous.sentence === sentence && !(previous.kind === "punct" && /[«"“(]/.test(previous.text))) return null;
  const qualified = dateQualifier(tokens, index + 1, month.case, sentence);
  return { draft: dateDraft(index, qualified.end, sentence, isoDate(null, month.month, null), qualified.qualifier), next: qualified.end };
}
