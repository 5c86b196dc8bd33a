/**
 * Public types of the Kazakh claim suggester.
 *
 * Offsets are UTF-16 code-unit indices into the analysed string (JavaScript string indices), so
 * `text.slice(candidate.start, candidate.end) === candidate.text` always holds.
 */

/** Database enum shared with the rest of the team (see prisma schema). */
export type ClaimCategory =
  | "DETENTION_COUNT"
  | "VOTE_SHARE"
  | "TURNOUT"
  | "SEAT_COUNT"
  | "SENTENCE_LENGTH"
  | "CASUALTIES"
  | "MONEY"
  | "CROWD_SIZE"
  | "DATE"
  | "OTHER";

/**
 * How the stated figure relates to the true quantity.
 * - EXACT: "10 пайызы ғана", "361 адамды" — min = max = value.
 * - APPROXIMATELY: "шамамен 45 минут", "25 шақты", "300-дей", "мыңға жуық", ranges "3-4 күн".
 * - AT_LEAST: "кем дегенде он адам" — min = value, max null.
 * - MORE_THAN: "мыңнан астам", "1000-нан аса" — min = value (exclusive bound), max null.
 * - LESS_THAN: "5 %-тен кем" — max = value (exclusive bound), min null.
 * - UP_TO: "100 пайызға дейін" — max = value, min null.
 * - VAGUE: "мыңдаған", "бірнеше", vague relative dates ("соңғы жылдары") — no point value.
 */
export type ClaimQualifier =
  | "EXACT"
  | "APPROXIMATELY"
  | "AT_LEAST"
  | "MORE_THAN"
  | "LESS_THAN"
  | "UP_TO"
  | "VAGUE";

/**
 * Normalised units. Closed list below; any other string is the lemma (dictionary form) of a counted
 * noun from the counted-noun lexicon in units.ts (e.g. "белсенді", "жұмысшы", "бюллетень").
 *
 * - "percent"  пайыз, процент, %
 * - "person"   адам, кісі, and collective numerals (екеуі, 2-еуі count people)
 * - "seat"     орын, мандат, орындық
 * - "year" | "month" | "week" | "day" | "hour" | "minute" | "second" | "century"
 *              жыл, ай, апта, күн/тәулік, сағат, минут, секунд, ғасыр
 * - "KZT" | "USD" | "EUR" | "RUB" | "CNY" | "MCI"   теңге, доллар, еуро, рубль, юань, АЕК
 * - "km" | "m" | "cm" | "mm" | "m2" | "m3" | "ha" | "t" | "kg" | "l" | "degree"
 * - "times"    рет, мәрте ("3 рет" three times)
 * - "fold"     есе ("екі есе" twofold)
 * - "fraction" "үштен бірі" (one third), "жартысы" (half of it): value is the ratio
 * - "o'clock"  a clock hour: "таңғы алтыда" (at six in the morning)
 */
export type ClaimUnit = string;

export interface ClaimCandidate {
  /** UTF-16 offset of the first character of the candidate. */
  start: number;
  /** UTF-16 offset one past the last character. */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** The stated point value; null for ranges, vague quantities and dates. */
  value: number | null;
  /** Lower bound implied by the reading; null = open or unknown. */
  min: number | null;
  /** Upper bound implied by the reading; null = open or unknown. */
  max: number | null;
  unit: ClaimUnit | null;
  qualifier: ClaimQualifier;
  category: ClaimCategory;
  /**
   * ISO 8601 date: "YYYY-MM-DD", "YYYY-MM", "YYYY"; when the text gives no year, the ISO 8601 /
   * XML Schema truncated forms "--MM-DD" (day and month), "--MM" (month only) and "---DD" (day only,
   * "18-і күні"). Relative dates ("биыл", "өткен жылы") and time frames ("жыл сайын") have null.
   * Set on DATE candidates and on claims whose sentence or paragraph states an event date; else
   * null. A day and month without a year take it from a dated phrase earlier in the paragraph or
   * from the publication date (see event-year.ts), so most event dates come out full.
   */
  date: string | null;
  /**
   * Who made the claim, as the text names them in reported speech: "Құқық қорғаушылар" from
   * "Құқық қорғаушылардың дерегінше", "Ерлан Тұрғымбаев" from "… хабарлады". Null when neither
   * the sentence nor its neighbour names one (see claimant.ts).
   */
  claimant: string | null;
  /**
   * How likely a fact-checker is to tag the candidate (see ranking.ts); candidates scoring
   * LIKELY_CLAIM_SCORE or more are shown first, the rest under "Show all".
   */
  score: number;
}
