import { UserInputError } from "@/lib/users/user-errors";

export type ImportErrorCode =
  | "empty"
  | "binary"
  | "not_utf8"
  | "too_large"
  | "unsupported_type"
  | "unreadable_docx"
  | "invalid_details";

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
