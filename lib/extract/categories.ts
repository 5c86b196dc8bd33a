/**
 * Category of a claim from the words of its own sentence. Cues are verb or noun stems matched at the
 * start of a token, since Kazakh adds all inflection at the end: "ұсталды", "ұсталған",
 * "ұсталғандар" share "ұстал-" (be detained), while "ұстау" (to hold) does not.
 */
import type { ClaimCategory } from "./types";
import type { Token } from "./tokenize";
import { lookupUnit, type UnitKind } from "./units";

export interface SentenceCues {
  detention: boolean;
  sentencing: boolean;
  casualties: boolean;
  vote: boolean;
  turnout: boolean;
  seats: boolean;
  crowd: boolean;
}

/** ұстал- detained, қамал- jailed, қамауға (алынды) taken into custody, әкет- took away, тұтқында- arrested, ұстаған (police) detained. */
const DETENTION = stems(["ұстал", "ұстаған", "ұстады", "қамал", "қамауға", "әкет", "тұтқындал", "тұтқындад", "тұтқынға", "күзетпен", "жетектеп"]);
/** сотталд- sentenced, бас бостандығынан айыр- deprived of liberty, жаза (punishment), түрмеге. */
const SENTENCING = stems(["соттал", "айыр", "жазасы", "жазаға", "түрмеге", "колонияға", "кесілді", "кесіп", "үкім"]);
/** қаза тап- died, қайтыс бол- passed away, мерт бол- killed, зардап шек- suffered, жарақат injury. */
const CASUALTIES = stems(["қаза тап", "қайтыс бол", "мерт бол", "зардап шек", "жарақат", "жараланды", "жараланған", "құрбан бол", "өлді", "өлген", "опат бол", "көз жұм", "мәйіт"]);
/** дауыс vote, сайлау election, бюллетень ballot, жеңіс victory, қолдау support (at the polls). */
const VOTE = stems(["дауыс", "бюллетень", "жеңіс", "жеңді"]);
/** сайлаушы voter, келу/қатыс- turn out, белсенділік activity (turnout). */
const TURNOUT = stems(["сайлаушы", "белсенділі", "келгендер", "қатысқан", "қатысты", "қатысуы"]);

/**
 * Gatherings whose size is the claim: митинг, наразылық/наразылар (protest, protesters), ереуіл
 * (strike), шеру (march), жиын (meeting), акция, пикет, демонстрация, жиналды (gathered), бас
 * көтерді (rose up). "жиналыс" (a sitting) and "жинал" in "жиналған қаражат" (money raised) read
 * as gatherings too; the unit decides, since only counted people get CROWD_SIZE.
 */
const CROWD = stems(["митинг", "наразы", "ереуіл", "шеру", "жиын", "акция", "пикет", "демонстра", "жинал", "бас көтер", "көшеге шық"]);

/**
 * A stem may be two words ("қаза тап-" die): the first must be the whole token (so "Қазақстан" is not
 * "қаза"), the second a prefix of the next token. Split once here: this runs for every word of
 * every sentence that holds a figure.
 */
interface Stem {
  first: string;
  rest: string | null;
}
function stems(list: readonly string[]): Stem[] {
  return list.map((s) => {
    const sp = s.indexOf(" ");
    return sp < 0 ? { first: s, rest: null } : { first: s.slice(0, sp), rest: s.slice(sp + 1) };
  });
}

function hasPrefix(word: string, next: string, list: readonly Stem[]): boolean {
  for (const s of list) {
    if (s.rest === null) {
      if (word.startsWith(s.first)) return true;
    } else if (word === s.first && next.startsWith(s.rest)) {
      return true;
    }
  }
  return false;
}

export function sentenceCues(tokens: Token[], from: number, to: number): SentenceCues {
  const cues: SentenceCues = { detention: false, sentencing: false, casualties: false, vote: false, turnout: false, seats: false, crowd: false };
  let election = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind !== "word") continue;
    const w = t.lower;
    const nt = i + 1 < to ? tokens[i + 1] : undefined;
    const nx = nt && nt.kind === "word" ? nt.lower : "";
    if (hasPrefix(w, nx, DETENTION)) cues.detention = true;
    if (hasPrefix(w, nx, SENTENCING)) cues.sentencing = true;
    if (hasPrefix(w, nx, CASUALTIES)) cues.casualties = true;
    if (hasPrefix(w, nx, VOTE)) cues.vote = true;
    if (hasPrefix(w, nx, CROWD)) cues.crowd = true;
    // Whole forms of орын/мандат only: a prefix test would take "орынбасары" (deputy) for a seat.
    if (lookupUnit(w)?.kind === "seat") cues.seats = true;
    if (w.startsWith("сайла")) election = true;
    if (hasPrefix(w, nx, TURNOUT)) cues.turnout = true;
  }
  // Turnout needs an election context: "қатысты" alone is any participation.
  cues.turnout = cues.turnout && election;
  return cues;
}

export interface ClaimShape {
  unitKind: UnitKind | null;
  unit: string | null;
  isDate: boolean;
}

/**
 * Decide the category. Order matters: the unit states what is counted, the sentence says why.
 * - money unit → MONEY whatever the verb;
 * - time unit with a sentencing or jailing verb ("5 жылға сотталды", "екі айға қамалды") → SENTENCE_LENGTH;
 * - seats ("12 орын", "98 орынның 77 пайызын") → SEAT_COUNT;
 * - percent with voters' turnout words → TURNOUT, with vote words → VOTE_SHARE;
 * - people (or an uncounted number) with detention verbs → DETENTION_COUNT, with death/injury → CASUALTIES;
 * - counted people at a rally, strike or meeting → CROWD_SIZE ("200-ге жуық жұмысшысы ереуілге
 *   шықты"); detention and casualties come first, since "митингте 4000 адам ұсталды" counts the
 *   detained, not the crowd.
 */
export function categorise(shape: ClaimShape, cues: SentenceCues, nextIsSeat: boolean): ClaimCategory {
  if (shape.isDate) return "DATE";
  const k = shape.unitKind;
  if (k === "money") return "MONEY";
  if (k === "time") {
    if (cues.sentencing || (cues.detention && shape.unit !== "hour" && shape.unit !== "minute")) return "SENTENCE_LENGTH";
    return "OTHER";
  }
  if (k === "seat" || (k === "percent" && nextIsSeat) || (k === null && cues.seats && !cues.vote && !cues.detention && !cues.casualties && nextIsSeat)) return "SEAT_COUNT";
  if (k === "percent") {
    if (cues.turnout) return "TURNOUT";
    if (cues.vote) return "VOTE_SHARE";
    if (cues.seats) return "SEAT_COUNT";
    return "OTHER";
  }
  if (k === "person" || k === null) {
    if (cues.detention) return "DETENTION_COUNT";
    if (cues.casualties) return "CASUALTIES";
    if (cues.turnout && shape.unit === "сайлаушы") return "TURNOUT";
    if (k === "person" && cues.crowd) return "CROWD_SIZE";
  }
  return "OTHER";
}
