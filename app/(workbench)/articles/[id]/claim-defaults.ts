import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import type { ClaimDetails } from "@/lib/claims/get-claim-details";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import type { ListedSuggestion } from "@/lib/suggestions/list-suggestions";

/** What the claim form starts from, and which words a paragraph's suggestions lie in. */

const EMPTY_CLAIM: ClaimFieldsInput = { category: "OTHER", qualifier: "EXACT", sources: [] };

export function defaultsFromSuggestion(s: ListedSuggestion): ClaimFieldsInput {
  return {
    category: s.category,
    value: s.value ?? "",
    min: s.min ?? "",
    max: s.max ?? "",
    unit: s.unit ?? "",
    qualifier: s.value || s.min || s.max ? s.qualifier : "VAGUE",
    claimant: s.claimant ?? "",
    eventDate: s.date && /^\d{4}-\d{2}-\d{2}$/.test(s.date) ? s.date : "",
    sources: [],
  };
}

/**
 * What the form starts from when the editor selects words by hand: the reading of a suggestion
 * the selection equals or covers, so tagging "361 адамды" by mouse is no more work than Accept.
 * Of several covered, a likely claim wins over a date or a bare "бір", then the longer reading.
 * The suggestion's id goes along only for its exact words: a wider claim does not replace it.
 */
export function defaultsForSelection(range: { start: number; end: number }, suggestions: readonly ListedSuggestion[]): { defaults: ClaimFieldsInput; suggestionId?: string } {
  const covered = suggestions
    .filter((s) => range.start <= s.start && s.end <= range.end)
    .sort((a, b) => Number(b.likely) - Number(a.likely) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen = covered[0];
  if (!chosen) return { defaults: EMPTY_CLAIM };
  const exact = chosen.start === range.start && chosen.end === range.end;
  return { defaults: defaultsFromSuggestion(chosen), suggestionId: exact ? chosen.id : undefined };
}

export function defaultsFromClaim(c: ArticleClaim, d: ClaimDetails): ClaimFieldsInput {
  return {
    category: c.category,
    value: c.value ?? "",
    min: c.min ?? "",
    max: c.max ?? "",
    unit: c.unit ?? "",
    qualifier: c.qualifier,
    claimant: c.claimant ?? "",
    eventDate: d.eventDate ?? "",
    statement: d.statement ?? "",
    note: d.note ?? "",
    sources: d.sources.map((s) => ({ sourceId: s.source.id, stance: s.stance, passage: s.passage ?? "" })),
  };
}

/** The line of the plain text that holds an offset: one paragraph of the viewer. */
export function paragraphAround(text: string, offset: number) {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const next = text.indexOf("\n", offset);
  return { start, end: next === -1 ? text.length : next };
}
