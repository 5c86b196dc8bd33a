import { DerekError } from "@/lib/core/errors";

export function suggestionNotFoundError(): DerekError {
  return new DerekError("libSuggestions.notFound", { kind: "not-found" });
}

/**
 * The suggestion belongs to an older revision of the article: the text was edited after the page
 * was opened. A dismissal made there would not carry into the revision everyone now sees.
 */
export function suggestionStaleError(): DerekError {
  return new DerekError("libSuggestions.stale", { kind: "conflict" });
}
