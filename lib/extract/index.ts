export { extractClaims } from "./extract-claims";
export type { ClaimCandidate, ClaimCategory, ClaimQualifier, ClaimUnit } from "./types";
