import { UserInputError } from "@/lib/users/user-errors";

export type ImportErrorCode =
  | "empty"
  | "binary"
  | "not_utf8"
  | "too_large"
  | "unsupported_type"
  | "unreadable_docx"
  | "invalid_details"
  /** Nested too deep, or unpacks to too much: refused before the work. */
  | "too_complex"
  /** More figures than an article has (MAX_SUGGESTIONS_PER_ARTICLE). */
  | "too_many_figures"
  /** Reading it took longer than the time limit; the work was stopped. */
  | "timed_out"
  /** Too many files are being read at this moment; try again shortly. */
  | "busy";

/**
 * Why an input was refused, in words for the person who gave it. Extends UserInputError so that
 * server actions show the message beside `field`; route handlers send `reason` as the JSON error's code.
 */
export class ImportError extends UserInputError {
  constructor(
    readonly reason: ImportErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field, "invalid");
    this.name = "ImportError";
  }
}
