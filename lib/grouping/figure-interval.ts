/**
 * A claim's figure as the set of true values it allows: an interval on the number line.
 *
 * Two readings are kept. `stated` is what the words say ("70 пайыздан астам" is (70, ∞)).
 * `plausible` adds the rounding a newsroom does without saying so: an exact-looking "70 пайыз"
 * is printed for 70.96 %. Two claims are compatible when their plausible intervals meet.
 */
import { canonicalUnit } from "@/lib/i18n/canonical-unit";

export type FigureQualifier = "EXACT" | "APPROXIMATELY" | "AT_LEAST" | "MORE_THAN" | "LESS_THAN" | "UP_TO" | "VAGUE";

/** A number as the database hands it over (Prisma's Decimal, a `::text` column) or as typed. */
export type Numeric = string | number | { toString(): string } | null | undefined;

export interface FigureFields {
  value: Numeric;
  min: Numeric;
  max: Numeric;
  qualifier: FigureQualifier;
  /** Only a percentage ("percent", "пайыз", "%") matters here: shares are truncated in print, counts are not. */
  unit?: string | null;
}

export interface Interval {
  /** -Infinity for "no lower bound". */
  lo: number;
  /** Infinity for "no upper bound". */
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

export interface FigureInterval {
  stated: Interval;
  plausible: Interval;
}

/**
 * "Шамамен", "-дай", "шақты", "жуық" are used for figures within about a tenth of the true one
 * (the hedges lib/extract/types.ts reads as APPROXIMATELY). A wider band would make
 * "about 4000" agree with 3,500, which an editor would call a different figure.
 */
export const APPROXIMATE_SHARE = 0.1;

interface Parsed {
  n: number;
  /** One unit of the last digit that counts: 1 for "70", 0.1 for "70.9", 100 for "4000". */
  step: number;
}

function parse(raw: Numeric): Parsed | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim().replace(",", ".");
  if (text === "") return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  // Decimal(24,6) comes back from `::text` as "70.000000": zeros the writer never typed.
  const fraction = /\.(\d*?)0*$/.exec(text)?.[1] ?? "";
  if (fraction.length > 0) return { n, step: 10 ** -fraction.length };
  // A round count is read to two significant figures: "4000" is what a newsroom prints for 3,960,
  // so its last digit that counts is the hundreds. "70" and "361" are as written.
  const digits = String(Math.trunc(Math.abs(n))).replace(/^0+/, "");
  const trailingZeros = digits.length - digits.replace(/0+$/, "").length;
  return { n, step: 10 ** Math.min(trailingZeros, Math.max(0, digits.length - 2)) };
}

const EVERYTHING: Interval = { lo: -Infinity, hi: Infinity, loOpen: true, hiOpen: true };

/** The interval the qualifier alone makes of a stated value. */
function qualifierInterval(qualifier: FigureQualifier, v: number): Interval | null {
  switch (qualifier) {
    case "EXACT":
      return { lo: v, hi: v, loOpen: false, hiOpen: false };
    case "APPROXIMATELY": {
      const a = v * (1 - APPROXIMATE_SHARE);
      const b = v * (1 + APPROXIMATE_SHARE);
      return { lo: Math.min(a, b), hi: Math.max(a, b), loOpen: false, hiOpen: false };
    }
    case "AT_LEAST":
      return { lo: v, hi: Infinity, loOpen: false, hiOpen: true };
    case "MORE_THAN":
      return { lo: v, hi: Infinity, loOpen: true, hiOpen: true };
    case "LESS_THAN":
      return { lo: -Infinity, hi: v, loOpen: true, hiOpen: true };
    case "UP_TO":
      return { lo: -Infinity, hi: v, loOpen: true, hiOpen: false };
    case "VAGUE":
      // "Мыңдаған" alone says "many"; only bounds read from it (or typed) say how many.
      return null;
  }
}

/**
 * Half a unit of the last digit that counts, either side: "70" is anything from 69.5 up to (not
 * including) 70.5, so "1" and "2" people never agree. Shares get a whole unit above, because
 * newsrooms truncate them (70.96 % printed as "70 пайыз"); nobody truncates a head count.
 */
function roundingSlack(bound: Parsed, truncated: boolean): { below: number; above: number } {
  return { below: bound.step / 2, above: truncated ? bound.step : bound.step / 2 };
}

/**
 * Explicit min/max win over what the qualifier derives from the value: "жуық" (nearly) 4000 is
 * stored as value 4000 with max 4000, so it reads [3600, 4000], not [3600, 4400]. A bound equal
 * to the value keeps the qualifier's openness ("мыңнан астам" stores min = 1000, but 1000 itself
 * is not more than 1000). Null when the claim gives no figure at all.
 */
export function figureInterval(figure: FigureFields): FigureInterval | null {
  const value = parse(figure.value);
  const min = parse(figure.min);
  const max = parse(figure.max);
  const fromValue = value ? qualifierInterval(figure.qualifier, value.n) : null;
  if (!fromValue && !min && !max) return null;
  const base = fromValue ?? EVERYTHING;

  const stated: Interval = {
    lo: min ? min.n : base.lo,
    loOpen: min ? min.n === base.lo && base.loOpen : base.loOpen,
    hi: max ? max.n : base.hi,
    hiOpen: max ? max.n === base.hi && base.hiOpen : base.hiOpen,
  };
  if (stated.lo > stated.hi) return null;

  let plausible = stated;
  if (figure.qualifier === "EXACT") {
    const truncated = canonicalUnit(figure.unit) === "percent";
    const loBound = min ?? value;
    const hiBound = max ?? value;
    plausible = {
      lo: loBound ? stated.lo - roundingSlack(loBound, truncated).below : stated.lo,
      hi: hiBound ? stated.hi + roundingSlack(hiBound, truncated).above : stated.hi,
      loOpen: false,
      // 70.5 rounds to 71, not 70.
      hiOpen: true,
    };
  }
  return { stated, plausible };
}

/** Whether some number lies in both intervals. */
export function overlaps(a: Interval, b: Interval): boolean {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (lo < hi) return true;
  if (lo > hi) return false;
  // They touch at one point: it must belong to both.
  const inA = (lo > a.lo || !a.loOpen) && (hi < a.hi || !a.hiOpen);
  const inB = (lo > b.lo || !b.loOpen) && (hi < b.hi || !b.hiOpen);
  return inA && inB && Number.isFinite(lo);
}

/**
 * Whether both claims can be true at once, allowing for rounding. A claim without a figure
 * ("бірнеше", a date) contradicts nothing.
 */
export function compatible(a: FigureInterval | null, b: FigureInterval | null): boolean {
  if (!a || !b) return true;
  return overlaps(a.plausible, b.plausible);
}

/**
 * One number standing for the figure, to compare magnitudes: a closed range's middle
 * (geometric, since "мыңдаған" 2000–9999 is about 4,500, not 6,000), an open-ended range's bound
 * ("кемінде он" is said of a figure near ten). Null for no bound at all.
 */
export function representative(interval: Interval): number | null {
  const { lo, hi } = interval;
  if (Number.isFinite(lo) && Number.isFinite(hi)) return lo > 0 && hi > 0 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
  if (Number.isFinite(lo)) return lo;
  if (Number.isFinite(hi)) return hi;
  return null;
}

/**
 * How many times larger one figure is than the other (1 = the same size), by their
 * representatives; null when either has none. Figures of opposite sign or zero against
 * non-zero are infinitely apart.
 */
export function magnitudeRatio(a: FigureInterval | null, b: FigureInterval | null): number | null {
  const p = a && representative(a.stated);
  const q = b && representative(b.stated);
  if (p === null || q === null) return null;
  if (p === q) return 1;
  if (p === 0 || q === 0 || Math.sign(p) !== Math.sign(q)) return Infinity;
  return Math.max(Math.abs(p), Math.abs(q)) / Math.min(Math.abs(p), Math.abs(q));
}

/** The claim's unit as figures are compared: its canonical name, and a share for the share categories. */
export function figureUnit(claim: { category: string; unit: string | null }): string | null {
  const unit = canonicalUnit(claim.unit);
  // A vote share or a turnout is a percentage whether or not the editor typed the unit.
  if (!unit && (claim.category === "VOTE_SHARE" || claim.category === "TURNOUT")) return "percent";
  return unit;
}

/** Units that make a figure a ratio of something else rather than a count or an amount. */
const RATIO_UNITS = new Set(["percent", "fold", "fraction"]);

/**
 * Whether two figures measure the same kind of thing (units as figureUnit gives them). A count
 * without a unit ("1000-нан аса жемқорлық қылмыс": the noun is not in the extractor's lexicon)
 * may be a count of anything, but never a ratio: "10 пайызы" and "мыңнан астам" in one sentence
 * are two facts about one story.
 */
export function unitsAgree(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null) return !RATIO_UNITS.has(b!);
  if (b === null) return !RATIO_UNITS.has(a);
  return false;
}

/** "(70, ∞)", "[3600, 4000]": for reasons and audit records. */
export function formatInterval(interval: Interval): string {
  const n = (x: number) => (x === Infinity ? "∞" : x === -Infinity ? "−∞" : String(Number(x.toPrecision(12))));
  return `${interval.loOpen ? "(" : "["}${n(interval.lo)}, ${n(interval.hi)}${interval.hiOpen ? ")" : "]"}`;
}
