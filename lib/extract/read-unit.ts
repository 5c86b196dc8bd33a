import { sameSentenceWord } from "./draft";
import type { Case } from "./morphology";
import { analyseDigitSuffix } from "./number-words";
import type { Token } from "./tokenize";
import { CURRENCY_SYMBOLS, lookupUnit, type UnitKind } from "./units";

export interface UnitRead {
  unit: string;
  kind: UnitKind;
  case: Case | null;
  px3: boolean;
  end: number;
  adjective: boolean;
}

/** The unit right after a number: "%", "%-ке", "пайызына", "АҚШ долларын", "шаршы метр", "₸". */
export function readUnit(tokens: Token[], index: number, sentence: number): UnitRead | null {
  const token = tokens[index];
  if (!token || token.sentence !== sentence) return null;
  if (token.kind === "pct") {
    const suffix = analyseDigitSuffix(token.lower);
    return {
      unit: "percent", kind: "percent", case: suffix ? suffix.case : null, px3: suffix ? suffix.px3 : false, end: index + 1,
      adjective: token.lower.endsWith("тік") || token.lower.endsWith("тық") || token.lower.endsWith("дық"),
    };
  }
  if (token.kind === "punct" && CURRENCY_SYMBOLS[token.text]) {
    return { unit: CURRENCY_SYMBOLS[token.text], kind: "money", case: null, px3: false, end: index + 1, adjective: false };
  }
  if (token.kind !== "word" || !token.spaceBefore) return null;
  const word = token.lower;
  // "АҚШ доллары" US dollar.
  if (word === "ақш") {
    const next = sameSentenceWord(tokens, index + 1, sentence);
    const form = next ? lookupUnit(next.lower) : undefined;
    if (form && form.unit === "USD") return { unit: "USD", kind: "money", case: form.case, px3: form.px3, end: index + 2, adjective: form.adjective };
    return null;
  }
  // "шаршы метр" square metre, "текше метр" cubic metre, "шаршы шақырым" km².
  if (word === "шаршы" || word === "текше") {
    const next = sameSentenceWord(tokens, index + 1, sentence);
    const form = next ? lookupUnit(next.lower) : undefined;
    if (form && (form.unit === "m" || form.unit === "km")) {
      return { unit: form.unit + (word === "шаршы" ? "2" : "3"), kind: "measure", case: form.case, px3: form.px3, end: index + 2, adjective: form.adjective };
    }
    return null;
  }
  // "айлық есептік көрсеткіш" (АЕК), the monthly calculation index fines are counted in.
  if (word === "айлық") {
    const second = sameSentenceWord(tokens, index + 1, sentence);
    const third = sameSentenceWord(tokens, index + 2, sentence);
    if (second && second.lower === "есептік" && third && third.lower.startsWith("көрсеткіш")) {
      return { unit: "MCI", kind: "money", case: null, px3: false, end: index + 3, adjective: false };
    }
  }
  const form = lookupUnit(word);
  if (!form) return null;
  return { unit: form.unit, kind: form.kind, case: form.case, px3: form.px3, end: index + 1, adjective: form.adjective };
}
