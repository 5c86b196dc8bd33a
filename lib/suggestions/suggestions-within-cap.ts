import { extractClaims, type ClaimCandidate } from "@/lib/extract";
import { ImportError } from "@/lib/import/import-error";
import { MAX_SUGGESTIONS_PER_ARTICLE } from "@/lib/import/limits";

/**
 * The suggester's candidates for a text to be stored, or a refusal when it holds more figures
 * than MAX_SUGGESTIONS_PER_ARTICLE. Refused rather than cut short: a text with that many figures is
 * a table dump or a hostile file, not an article, and half its figures suggested would read as all
 * of them. Reading stops one past the cap, so a million figures cost no more than the cap.
 */
export function suggestionsWithinCap(text: string, field?: string): ClaimCandidate[] {
  const candidates = extractClaims(text, { limit: MAX_SUGGESTIONS_PER_ARTICLE + 1 });
  if (candidates.length > MAX_SUGGESTIONS_PER_ARTICLE) {
    throw new ImportError("too_many_figures", "libImport.limits.tooManyFigures", { params: { max: MAX_SUGGESTIONS_PER_ARTICLE.toLocaleString("en") }, field });
  }
  return candidates;
}
