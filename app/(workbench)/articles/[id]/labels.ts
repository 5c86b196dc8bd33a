import type { CLAIM_CATEGORIES, QUALIFIERS, SOURCE_KINDS, STANCES } from "@/lib/claims/claim-schemas";

export const CATEGORY_LABEL: Record<(typeof CLAIM_CATEGORIES)[number], string> = {
  DETENTION_COUNT: "Detention count",
  VOTE_SHARE: "Vote share",
  TURNOUT: "Turnout",
  SEAT_COUNT: "Seat count",
  SENTENCE_LENGTH: "Sentence length",
  CASUALTIES: "Casualties",
  MONEY: "Money",
  DATE: "Date or deadline",
  OTHER: "Other",
};

export const QUALIFIER_LABEL: Record<(typeof QUALIFIERS)[number], string> = {
  EXACT: "exact",
  APPROXIMATELY: "approximately",
  AT_LEAST: "at least",
  MORE_THAN: "more than",
  LESS_THAN: "less than",
  UP_TO: "up to",
  VAGUE: "vague",
};

export const SOURCE_KIND_LABEL: Record<(typeof SOURCE_KINDS)[number], string> = {
  OFFICIAL_STATEMENT: "Official statement",
  COURT_DOCUMENT: "Court document",
  NGO_REPORT: "NGO report",
  MEDIA_REPORT: "Media report",
  WITNESS: "Witness",
  OTHER: "Other",
};

export const STANCE_LABEL: Record<(typeof STANCES)[number], string> = {
  SUPPORTS: "supports",
  CONTRADICTS: "contradicts",
  CONTEXT: "gives context",
};

export const STATUS_LABEL = {
  DRAFT: "draft",
  SUBMITTED: "awaiting review",
  RETURNED: "returned",
  DISPUTED: "disputed",
  VERIFIED: "verified",
} as const;

/** "≈ 4000 person", "> 1000", "25–30 percent": how a claim's figure reads in a list. */
export function figureSummary(claim: { value: string | null; min: string | null; max: string | null; unit: string | null; qualifier: keyof typeof QUALIFIER_LABEL }) {
  const sign: Partial<Record<keyof typeof QUALIFIER_LABEL, string>> = {
    APPROXIMATELY: "≈ ",
    AT_LEAST: "≥ ",
    MORE_THAN: "> ",
    LESS_THAN: "< ",
    UP_TO: "≤ ",
  };
  const figure = claim.value ?? (claim.min || claim.max ? `${claim.min ?? "…"}–${claim.max ?? "…"}` : claim.qualifier === "VAGUE" ? "vague" : "");
  return `${claim.value ? sign[claim.qualifier] ?? "" : ""}${figure}${claim.unit ? ` ${claim.unit}` : ""}`.trim();
}
