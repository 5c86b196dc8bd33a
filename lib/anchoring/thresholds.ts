/**
 * Every number that decides whether a claim is re-attached or orphaned. The bias throughout is the
 * newsroom's: an orphaned claim costs an editor a minute to re-link, a claim silently attached to
 * the wrong words can put a fact-check verdict next to a sentence it was never about.
 * Values were calibrated on the seed texts (tests/unit/anchoring/calibration.test.ts pins them).
 */

/**
 * Weights of the overall score. The quote dominates because it is the claim itself; prefix and
 * suffix are equal because edits are as likely on either side. Position is only a tie-breaker:
 * an article edit can shift a claim by any amount, so distance is weak evidence, but among equally
 * good matches the one nearer the old place is the likelier survivor (W3C / Hypothesis practice).
 */
export const WEIGHTS = { quote: 0.5, prefix: 0.2, suffix: 0.2, position: 0.1 } as const;

/**
 * How far (in code units) beyond the stored context we look, i.e. how long an insertion right
 * next to the quote can be and still count as "the same context, with words added". Longer
 * would make the context test forgiving of rewritten surroundings; shorter would punish a single
 * inserted word as if the whole context had changed.
 */
export const CONTEXT_SLACK = 32;

/**
 * Near its old place (NEAR_DISTANCE), an exact quote at least this long identifies the claim even
 * if everything around it was rewritten. Shorter quotes ("70 пайыз", "10", a name) recur
 * routinely, so for them the context must vouch (MIN_CONTEXT). Far away even long quotes need
 * context: the seed texts repeat 37–46 character phrases (a quoted charge, a headline in a
 * "related" block), and a random-edit sweep moved destroyed claims onto those copies. Raising
 * this orphans more claims whose surroundings were rewritten; lowering it risks re-attaching a
 * phrase to another mention of it.
 */
export const SELF_EVIDENT_QUOTE_LENGTH = 32;

/**
 * Context agreement needed to accept a short quote, and any fuzzy match. Unrelated Kazakh text
 * scores about 0.2 against a stored context (p99 0.34, max 0.45 over 1,400 random pairs from the
 * seed texts), so 0.6 means one side survived essentially intact while the other is at chance, or
 * both sides survived mostly. 0.5 was tried and let "кемінде 10 адам жараланды" re-attach to
 * "бүгін 10 мектеп жабылды" on the strength of a shared first word: for a number the words after
 * it are the fact. Lower lets chance agreement vouch for a "10" in another sentence; higher
 * orphans short claims whose sentence was edited on both sides.
 */
export const MIN_CONTEXT = 0.6;

/**
 * And neither side may be at chance level. One intact side is not enough on its own: news text
 * repeats sentence patterns, so when "Шымкентте кемінде 10 адам жараланды…" is replaced by
 * "Қарағанды облысында кемінде 10 адам жараланды…", the new "10" matches the whole suffix and the
 * average clears MIN_CONTEXT, yet it is another city's figure. Per side, unrelated text scores 0.22 median, 0.4 at p99 on the seed texts; 0.5 asks that
 * each side keep about half its characters. The price: a short claim right at a rewritten
 * sentence or paragraph boundary is orphaned.
 */
export const MIN_SIDE_CONTEXT = 0.5;

/**
 * How far from its old offsets a claim may land on ordinary evidence. Edits before a claim shift
 * it by their net length, typically a word to a paragraph; a landing further away is more often
 * another mention of the same words after the claim's own passage was cut (the random-edit sweep
 * found such landings 330–1300 characters away). 256 ≈ two or three Kazakh news sentences.
 * Larger lets more cut claims slide onto repeats; smaller demands intact context of claims that
 * really moved with a deleted or inserted paragraph before them, which they usually have.
 */
export const NEAR_DISTANCE = 256;

/**
 * Context needed beyond NEAR_DISTANCE: at most ~6 of the 64 context characters changed. A
 * paragraph that was moved keeps its claims' context intact, so they still pass; repeats of a
 * phrase scored 0.65–0.87 in the sweep.
 */
export const FAR_MIN_CONTEXT = 0.9;

/**
 * The best candidate must beat the runner-up by this much overall, or we orphan rather than
 * toss a coin. 0.05 ≈ eight context characters on one side (0.2 × 8/32) or half the
 * document in distance: two occurrences whose 32-character surroundings agree that closely are a
 * repeated sentence, and nothing in the text says which copy the claim was on. Larger would
 * orphan claims where one copy's context is merely a little better; smaller would let the
 * position tie-breaker decide between true repeats.
 */
export const AMBIGUITY_MARGIN = 0.05;

/**
 * Below this quote length we never fuzzy-match. With FUZZY_MIN_QUOTE_SIMILARITY a quote of n
 * characters tolerates n/4 edits; under 12 characters that is two edits, enough to turn one
 * short Kazakh word form or number into another ("10 адам" → "16 адам", "адамға" → "адамды"), and
 * such short patterns match somewhere in any article. Short claims rely on exact quote + context.
 */
export const MIN_FUZZY_QUOTE_LENGTH = 12;

/** The search bound asked for in the brief: half the quote, capped for very long quotes. */
export const MAX_FUZZY_ERRORS = 256;

/**
 * A fuzzy match must keep at least 75% of the quote (≤ 1 edit per 4 characters): a typo fix, an
 * inflection or punctuation change. Beyond that the words, and in a claim usually the meaning,
 * have changed ("төрт мыңға жуық адам" → "төрт мыңнан астам адам" keeps ~65%: "nearly" became
 * "more than"), and a human should re-link it; such matches are offered as a suggestion instead.
 */
export const FUZZY_MIN_QUOTE_SIMILARITY = 0.75;

/**
 * An orphan carries a suggestion only when its context is nearly intact: then the place is
 * certain even though the words are not, and showing it saves the editor a search.
 */
export const SUGGESTION_MIN_CONTEXT = 0.75;

/**
 * approx-string-match returns only the matches with the fewest errors in the text it is given,
 * so one chance near-match would hide every other candidate, including the real, edited one. We
 * search in chunks and keep each chunk's best. Smaller chunks cost more calls; larger ones raise
 * the chance that a chance match shares a chunk with the real one.
 */
export const FUZZY_CHUNK_MIN = 256;
export const FUZZY_CHUNK_QUOTES = 8;
