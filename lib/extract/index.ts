export { extractClaims } from "./extract-claims";
export { LIKELY_CLAIM_SCORE } from "./ranking";
export { resolveYears } from "./event-year";
export type { ClaimCandidate, ClaimCategory, ClaimQualifier, ClaimUnit } from "./types";
