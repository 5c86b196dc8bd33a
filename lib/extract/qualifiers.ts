/**
 * Hedges around a number. In Kazakh the hedge governs the case of the number,
 * so a postposition is accepted only after the case it governs: "мыңға жуық" (DAT + жуық) is
 * "nearly a thousand", while "жуық" after a nominative is some other use of the word.
 */
import type { Case } from "./morphology";
import type { ClaimQualifier } from "./types";
import type { Token } from "./tokenize";

/**
 * How a qualifier turns the stated figure v into bounds.
 * - "below": жуық / таяу / жақын / тарта govern the dative "towards N": the count approaches N from
 *   below ("мыңға жуық" = nearly 1000), so the reading is APPROXIMATELY with max = v, min open. We keep
 *   APPROXIMATELY rather than LESS_THAN because the sources gloss it "about" and journalists use it for
 *   round figures that may be slightly exceeded; max = v records the direction the grammar states.
 * - "approx": шамамен, шақты, шамасында, -дай: about v, no bound stated (min and max null).
 * - "more": астам / аса / артық govern the ablative "beyond N": min = v (exclusive), max open.
 * - "atLeast": кем дегенде / кемі / N-нан кем емес: min = v (inclusive).
 * - "less": N-нан кем / аз: max = v (exclusive).
 * - "upTo": N-ға дейін, ең көп дегенде: max = v (inclusive).
 * - "exact": ғана / қана / тек / көлемінде: "only N", "in the amount of N": min = max = v.
 * - "from": N-нан бастап / бері "from N on": min = v, reported as AT_LEAST.
 */
export type QualifierEffect = "below" | "approx" | "more" | "atLeast" | "less" | "upTo" | "exact" | "from";

export function qualifierName(e: QualifierEffect): ClaimQualifier {
  switch (e) {
    case "below":
    case "approx":
      return "APPROXIMATELY";
    case "more":
      return "MORE_THAN";
    case "atLeast":
    case "from":
      return "AT_LEAST";
    case "less":
      return "LESS_THAN";
    case "upTo":
      return "UP_TO";
    case "exact":
      return "EXACT";
  }
}

export function boundsFor(e: QualifierEffect, v: number): { min: number | null; max: number | null } {
  switch (e) {
    case "below":
      return { min: null, max: v };
    case "approx":
      return { min: null, max: null };
    case "more":
    case "atLeast":
    case "from":
      return { min: v, max: null };
    case "less":
    case "upTo":
      return { min: null, max: v };
    case "exact":
      return { min: v, max: v };
  }
}

interface Post {
  effect: QualifierEffect;
  /** Cases of the preceding number/unit under which the word is a hedge; null = any. */
  cases: Case[] | null;
}

const POST: Record<string, Post> = {};
const add = (words: string[], p: Post): void => {
  for (const w of words) POST[w] = p;
};
add(["жуық", "жуығы", "жуығын", "жуығына", "жуығында", "жуығынан", "жуықтады", "жуықтайды", "таяу", "таяды", "жақын", "тарта"], { effect: "below", cases: ["DAT"] });
add(["астам", "астамы", "астамын", "астамға", "астамына", "астамынан", "астамында", "аса", "асады", "асты", "асатын", "асқан", "асып", "артық", "артығы", "артық", "көп"], { effect: "more", cases: ["ABL"] });
add(["дейін", "шейін", "дейінгі", "шейінгі"], { effect: "upTo", cases: ["DAT"] });
add(["аспайды", "аспауы", "аспайтын", "аспаған"], { effect: "upTo", cases: ["ABL"] });
add(["аз"], { effect: "less", cases: ["ABL"] });
add(["бастап", "бері"], { effect: "from", cases: ["ABL"] });
add(["шақты", "шақтысы", "шақтыға", "шамасында", "шамалы", "шамасы", "шамада", "шамасындағы", "көлемдегі"], { effect: "approx", cases: null });
add(["таман"], { effect: "approx", cases: ["DAT"] });
add(["ғана", "қана", "көлемінде", "мөлшерінде", "көлеміндегі", "мөлшеріндегі"], { effect: "exact", cases: null });

export interface QualifierMatch {
  effect: QualifierEffect;
  /** Index one past the last token of the qualifier. */
  end: number;
}

/** A hedge after the number (or after its unit), at token index i. */
export function matchPostQualifier(tokens: Token[], i: number, c: Case | null, sentence: number): QualifierMatch | null {
  const t = tokens[i];
  if (!t || t.kind !== "word" || t.sentence !== sentence) return null;
  // "N-нан кем емес" = not less than N → at least; "N-нан кем" = less than N.
  if (t.lower === "кем" && c === "ABL") {
    const n = tokens[i + 1];
    if (n && n.kind === "word" && n.lower === "емес" && n.sentence === sentence) return { effect: "atLeast", end: i + 2 };
    return { effect: "less", end: i + 1 };
  }
  const p = POST[t.lower];
  if (!p) return null;
  // "көп" is "many/more" in general; only "N-нан көп" (more than N) is a hedge.
  if (p.cases && (c === null || !p.cases.includes(c))) return null;
  return { effect: p.effect, end: i + 1 };
}

/** A hedge before the number: "шамамен 45", "кем дегенде он", "кемі 5", "тек 2". */
export function matchPreQualifier(tokens: Token[], i: number, sentence: number): QualifierMatch | null {
  const t = tokens[i];
  if (!t || t.kind !== "word" || t.sentence !== sentence) return null;
  const n = tokens[i + 1];
  const nl = n && n.kind === "word" && n.sentence === sentence ? n.lower : "";
  switch (t.lower) {
    case "шамамен":
    case "шамасы":
    case "шамалап":
    case "жуықтап":
    case "орташа":
      return { effect: "approx", end: i + 1 };
    case "кемінде":
    case "кемі":
      return { effect: "atLeast", end: i + 1 };
    case "кем":
      return nl === "дегенде" ? { effect: "atLeast", end: i + 2 } : null;
    case "ең":
      if (nl === "кемі" || nl === "кемінде") return { effect: "atLeast", end: i + 2 };
      if (nl === "көбі") return { effect: "upTo", end: i + 2 };
      if (nl === "көп" || nl === "аз") {
        const m = tokens[i + 2];
        if (m && m.kind === "word" && m.lower === "дегенде") return { effect: nl === "көп" ? "upTo" : "atLeast", end: i + 3 };
      }
      return null;
    case "тек":
    case "небәрі":
    case "тура":
    case "дәл":
      return { effect: "exact", end: i + 1 };
    case "бар":
      return nl === "болғаны" ? { effect: "exact", end: i + 2 } : null;
    default:
      return null;
  }
}

/** Words that can open a pre-number hedge (see matchPreQualifier). */
export const PRE_QUALIFIER_WORDS: readonly string[] = [
  "шамамен", "шамасы", "шамалап", "жуықтап", "орташа", "кемінде", "кемі", "кем", "ең", "тек", "небәрі", "тура", "дәл", "бар",
];
