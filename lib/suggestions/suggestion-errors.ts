import { UserInputError } from "@/lib/users/user-errors";

export class SuggestionNotFoundError extends UserInputError {
  constructor() {
    super("This suggestion does not exist.", undefined, "not-found");
    this.name = "SuggestionNotFoundError";
  }
}

/**
 * The suggestion belongs to an older revision of the article: the text was edited after the page
 * was opened. A dismissal made there would not carry into the revision everyone now sees.
 */
export class SuggestionStaleError extends UserInputError {
  constructor() {
    super("The article was edited after you opened it, so these suggestions are out of date. Reload and try again.", undefined, "conflict");
    this.name = "SuggestionStaleError";
  }
}
