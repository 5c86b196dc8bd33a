/**
 * Who made a claim, from Kazakh reported speech. Three shapes name the speaker:
 * - an attribution before the figure, the speaker in the genitive: "Құқық қорғаушылардың
 *   дерегінше" (according to the rights defenders' data), "ІІМ мәліметінше", "… дерегі бойынша";
 * - "деді" after a quotation, the speaker after it: "…», - деді Әлнұр Ильяшев";
 * - a speech verb closing the sentence, the speaker its subject near the start: "Қазақстан ішкі
 *   істер министрі Ерлан Тұрғымбаев … ұсталғанын хабарлады", "Комиссия төрайымы «…» айтты".
 * A sentence with none of them takes its neighbour's speaker in two cases only: a quotation
 * running on into a next sentence that ends "- деді X", and a pronoun attribution ("Оның
 * айтуынша") that points back to the sentence before. Anything else is left to the editor: a
 * wrong claimant costs more than a missing one.
 */
import type { Token } from "./tokenize";

/** "X-тың мәліметінше": a single word after the speaker. */
const ATTRIBUTION_WORDS = new Set([
  "мәліметінше", "мәліметтерінше", "дерегінше", "деректерінше", "сөзінше", "айтуынша", "хабарлауынша", "пікірінше",
  "бағалауынша", "есебінше", "мәлімдеуінше", "болжамынша", "сөзіне",
]);
/** "X-тың дерегі бойынша": the noun, then "бойынша" (according to). */
const ATTRIBUTION_NOUNS = new Set(["дерегі", "деректері", "мәліметі", "мәліметтері", "хабарлауы", "есебі", "мәлімдемесі", "ақпараты", "ақпаратынша"]);
/** Speech verbs whose subject is the speaker (finite forms and the converb "айтып ақталды"). */
const SPEECH_VERBS = new Set([
  "хабарлады", "хабарлаған", "хабарлайды", "хабарлап", "мәлімдеді", "мәлімдеген", "мәлімдейді", "мәлімдеп",
  "айтты", "айтқан", "айтады", "айтып", "жеткізді", "жеткізген", "түсіндірді", "түсіндірген", "растады", "растаған",
  "жазды", "жазған", "ескертті", "мойындады", "сендірді",
]);
/** Two-word speech verbs: "атап өтті" (noted), "мәлім етті" (announced). */
const SPEECH_VERB_PAIRS = new Map([
  ["атап", new Set(["өтті", "өткен", "өтеді"])],
  ["мәлім", new Set(["етті", "еткен", "етеді"])],
]);
// Not "деген": as a participle it quotes a name or a charge ("«…» деген күдікпен"), not a speaker.
const SAID = new Set(["деді", "дейді"]);
const PRONOUNS = new Set(["ол", "олар", "оның", "олардың", "соның", "бұның", "мен", "біз", "менің", "біздің", "сіз"]);
/** Sentence openers that are not part of the subject: "Бұған дейін полиция өкілдері … мәлімдеген", "Бұл туралы X айтты". */
const OPENERS = new Set(["ал", "бұл", "осы", "туралы", "бірақ", "алайда", "дегенмен", "сондай", "ақ", "сонымен", "қатар", "бұған", "осыған", "оған", "дейін", "кейін", "әрі", "енді"]);
const GENITIVE = ["ның", "нің", "дың", "дің", "тың", "тің"];
/** A subject phrase longer than this is a clause, not a name to offer. */
const MAX_WORDS = 6;
/**
 * How far from the sentence start a speaker's name is looked for, and how far back from an
 * attribution: bounded, so a sentence of thousands of speech verbs stays linear.
 */
const SUBJECT_WINDOW = 24;

const OPEN_QUOTES = new Set(["«", "“", "„", "("]);
const CLOSE_QUOTES = new Set(["»", "”", ")"]);
const CLAUSE_BREAKS = new Set([",", ";", ":", "(", ")"]);

type Shape = "attribution" | "pronoun" | "said" | "verb";
interface Found {
  claimant: string | null;
  shape: Shape | null;
  /** A "деді" sentence whose quotation opened in an earlier sentence. */
  continuesQuote: boolean;
}

const isCapitalised = (t: Token) => t.kind === "word" && t.text[0] !== t.lower[0];

function cleanPhrase(phrase: string): string | null {
  let s = phrase.trim();
  const quotes = /[«»“”„"()]/g;
  const opens = (s.match(/[«“„(]/g) ?? []).length;
  const closes = (s.match(/[»”)]/g) ?? []).length;
  const straight = (s.match(/"/g) ?? []).length;
  // A phrase cut out of a sentence may hold half of a quoted name ("Нұр Отан" өкілдері): then
  // the marks say nothing and are dropped.
  if (opens !== closes || straight % 2 === 1) s = s.replace(quotes, "");
  s = s.replace(/^[\s\-–—,]+|[\s\-–—,]+$/g, "").replace(/\s+/g, " ");
  return s.length > 0 ? s : null;
}

function stripGenitive(tokens: Token[], first: number, last: number, text: string): string | null {
  const lastToken = tokens[last];
  // "ІІМ-нің": the ending is a token of its own after the hyphen.
  if (last > first && GENITIVE.includes(lastToken.lower) && tokens[last - 1].kind === "dash" && !lastToken.spaceBefore) {
    return cleanPhrase(text.slice(tokens[first].start, tokens[last - 2].end));
  }
  const ending = GENITIVE.find((g) => lastToken.lower.endsWith(g) && lastToken.lower.length > g.length + 2);
  const end = ending ? lastToken.end - ending.length : lastToken.end;
  return cleanPhrase(text.slice(tokens[first].start, end));
}

function skipOpeners(tokens: Token[], from: number, to: number): number {
  let i = from;
  while (i < to && ((tokens[i].kind === "word" && OPENERS.has(tokens[i].lower)) || tokens[i].kind === "dash")) i++;
  return i;
}

function wordCount(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (tokens[i].kind === "word") n++;
  return n;
}

/** The speaker in the genitive before an attribution word at `cue`. */
function attributed(tokens: Token[], first: number, cue: number, text: string): Found {
  let from = cue;
  const limit = Math.max(first, cue - SUBJECT_WINDOW);
  while (from > limit && !(tokens[from - 1].kind === "punct" && CLAUSE_BREAKS.has(tokens[from - 1].text))) from--;
  from = skipOpeners(tokens, from, cue);
  if (from >= cue || wordCount(tokens, from, cue) > MAX_WORDS) return { claimant: null, shape: null, continuesQuote: false };
  if (wordCount(tokens, from, cue) === 1 && PRONOUNS.has(tokens[cue - 1].lower)) return { claimant: null, shape: "pronoun", continuesQuote: false };
  return { claimant: stripGenitive(tokens, from, cue - 1, text), shape: "attribution", continuesQuote: false };
}

/** The speaker after "деді": up to its last capitalised word (a name), at most MAX_WORDS words. */
function saidBy(tokens: Token[], first: number, cue: number, end: number, text: string): Found {
  let last = -1;
  let lastCapital = -1;
  for (let i = cue + 1; i < end; i++) {
    if (tokens[i].kind === "word") {
      last = i;
      if (isCapitalised(tokens[i])) lastCapital = i;
    }
  }
  const stop = lastCapital >= 0 ? lastCapital : last;
  const before = tokens.slice(first, cue).filter((t) => t.kind === "punct");
  const opens = before.filter((t) => OPEN_QUOTES.has(t.text)).length;
  const closes = before.filter((t) => CLOSE_QUOTES.has(t.text)).length;
  const straight = before.filter((t) => t.text === '"').length;
  // The quotation began in an earlier sentence when it closes here without opening, or when a
  // dash-led quotation ("- Осы уақыт бойы … жоғары, - деді") has no marks at all.
  const continuesQuote = closes > opens || straight % 2 === 1 || (opens + closes + straight === 0 && tokens[first].kind !== "dash");
  if (stop < 0) return { claimant: null, shape: "said", continuesQuote };
  // At most MAX_WORDS words, counted back from the name.
  let from = stop;
  let words = 1;
  for (let i = stop - 1; i > cue && words < MAX_WORDS; i--) {
    if (tokens[i].kind !== "word") continue;
    words++;
    from = i;
  }
  return { claimant: cleanPhrase(text.slice(tokens[from].start, tokens[stop].end)), shape: "said", continuesQuote };
}

/** The subject of a speech verb: a name near the start with its title, or the words before a quotation. */
function subjectOf(tokens: Token[], first: number, cue: number, text: string, outside: boolean[]): Found {
  const start = skipOpeners(tokens, first, Math.min(cue, first + SUBJECT_WINDOW));
  const windowEnd = Math.min(cue, start + SUBJECT_WINDOW);
  // The first run of two or more capitalised words outside quotation marks: a person's name.
  for (let i = start; i < windowEnd - 1; i++) {
    if (!outside[i - first] || !isCapitalised(tokens[i])) continue;
    let j = i;
    while (j + 1 < windowEnd && outside[j + 1 - first] && (isCapitalised(tokens[j + 1]) || (tokens[j + 1].kind === "dash" && !tokens[j + 1].spaceBefore && tokens[j + 2] && isCapitalised(tokens[j + 2])))) j++;
    if (j === i) continue;
    const lead = tokens.slice(start, i);
    const plainLead = lead.every((t) => t.kind === "word") && wordCount(tokens, start, j + 1) <= MAX_WORDS;
    // "Қазақстан ішкі істер министрі Ерлан Тұрғымбаев": the title before the name belongs to it.
    const from = plainLead ? start : i;
    return { claimant: cleanPhrase(text.slice(tokens[from].start, tokens[j].end)), shape: "verb", continuesQuote: false };
  }
  // "Комиссия төрайымы «…» айтты", "Құқық қорғаушылар "…" деп мәлімдеді".
  let end = start;
  while (end < windowEnd && tokens[end].kind === "word") end++;
  const boundary = tokens[end];
  if (end === start || end >= cue || boundary.kind !== "punct" || !(OPEN_QUOTES.has(boundary.text) || boundary.text === '"')) {
    return { claimant: null, shape: null, continuesQuote: false };
  }
  if (wordCount(tokens, start, end) > MAX_WORDS || PRONOUNS.has(tokens[start].lower)) return { claimant: null, shape: null, continuesQuote: false };
  return { claimant: cleanPhrase(text.slice(tokens[start].start, tokens[end - 1].end)), shape: "verb", continuesQuote: false };
}

function findInSentence(tokens: Token[], first: number, end: number, text: string): Found {
  // Which tokens stand outside quotation marks: cues inside a quotation are the quoted speaker's.
  const outside: boolean[] = [];
  let depth = 0;
  let straightOpen = false;
  for (let i = first; i < end; i++) {
    const t = tokens[i];
    if (t.kind === "punct" && OPEN_QUOTES.has(t.text)) depth++;
    else if (t.kind === "punct" && CLOSE_QUOTES.has(t.text)) depth = Math.max(0, depth - 1);
    else if (t.kind === "punct" && t.text === '"') straightOpen = !straightOpen;
    outside.push(depth === 0 && !straightOpen && !(t.kind === "punct" && t.text === '"'));
  }
  for (let i = first; i < end; i++) {
    const t = tokens[i];
    if (t.kind !== "word" || !outside[i - first]) continue;
    const next = tokens[i + 1];
    if (ATTRIBUTION_WORDS.has(t.lower) || (ATTRIBUTION_NOUNS.has(t.lower) && next && next.sentence === t.sentence && next.lower === "бойынша")) {
      const found = attributed(tokens, first, i, text);
      if (found.shape) return found;
    }
    if (SAID.has(t.lower) && i > first) return saidBy(tokens, first, i, end, text);
    const pair = SPEECH_VERB_PAIRS.get(t.lower);
    if (SPEECH_VERBS.has(t.lower) || (pair && next && next.sentence === t.sentence && pair.has(next.lower))) {
      const found = subjectOf(tokens, first, i, text, outside);
      if (found.claimant) return found;
    }
  }
  return { claimant: null, shape: null, continuesQuote: false };
}

const NOBODY: Found = { claimant: null, shape: null, continuesQuote: false };

/**
 * The claimant of a sentence, by sentence number. Sentences are read when asked for (those with
 * a figure, and their neighbours), each once: most of an article's sentences hold no figure.
 */
export function claimantReader(text: string, tokens: Token[]): (sentence: number) => string | null {
  const starts: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (i === 0 || tokens[i].sentence !== tokens[i - 1].sentence) starts[tokens[i].sentence] = i;
  const found = new Map<number, Found>();
  const foundIn = (sentence: number): Found => {
    const hit = found.get(sentence);
    if (hit) return hit;
    const first = starts[sentence];
    let result = NOBODY;
    if (first !== undefined) {
      let end = first;
      while (end < tokens.length && tokens[end].sentence === sentence) end++;
      result = findInSentence(tokens, first, end, text);
    }
    found.set(sentence, result);
    return result;
  };
  const claimants = new Map<number, string | null>();
  const claimantOf = (sentence: number): string | null => {
    const known = claimants.get(sentence);
    if (known !== undefined) return known;
    const here = foundIn(sentence);
    let claimant: string | null = here.claimant;
    if (!claimant && here.shape === "pronoun" && sentence > 0) {
      // Only the sentence before itself, not what it borrowed: a chain of pronouns stops here.
      claimant = foundIn(sentence - 1).claimant;
    } else if (!claimant) {
      const next = foundIn(sentence + 1);
      if (next.shape === "said" && next.continuesQuote) claimant = next.claimant;
    }
    claimants.set(sentence, claimant);
    return claimant;
  };
  return claimantOf;
}
