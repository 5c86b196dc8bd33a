import type { ZodError } from "zod";
import { DerekError, type RefusalKind } from "@/lib/core/errors";
import type { MessageCode, MessageParams } from "@/lib/core/message-codes";
import { refusalFromZod } from "@/lib/core/zod-issues";

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

const KIND_OF: Partial<Record<ImportErrorCode, RefusalKind>> = { busy: "busy", too_complex: "unprocessable", too_many_figures: "unprocessable", timed_out: "unprocessable" };

/**
 * Why an input was refused: a message code for the person who gave it (shown beside `field` by a
 * server action) and, as `reason`, what scripts read as the upload route's JSON error code.
 */
export class ImportError extends DerekError {
  constructor(
    readonly reason: ImportErrorCode,
    code: MessageCode,
    options: { params?: MessageParams; field?: string } = {},
  ) {
    super(code, { ...options, kind: KIND_OF[reason] ?? "invalid" });
    this.name = "ImportError";
  }
}

/** What of an ImportError crosses a worker's boundary (structured clone keeps only own fields). */
export interface ImportErrorShape {
  name: string;
  reason?: unknown;
  code?: unknown;
  params?: unknown;
  field?: unknown;
}

/** An ImportError made elsewhere (a worker thread, another bundle's copy of this class) rebuilt as this one's. */
export function rebuildImportError(error: ImportErrorShape): ImportError | null {
  if (error.name !== "ImportError" || typeof error.reason !== "string" || typeof error.code !== "string") return null;
  const params = error.params && typeof error.params === "object" ? (error.params as MessageParams) : undefined;
  const field = typeof error.field === "string" ? error.field : undefined;
  return new ImportError(error.reason as ImportErrorCode, error.code as MessageCode, { params, field });
}

/** An article's details the schema refused, as the upload route reports them ("invalid_details"). */
export function importDetailsRefusal(error: ZodError): ImportError {
  const refusal = refusalFromZod(error);
  return new ImportError("invalid_details", refusal.code, { params: refusal.params, field: refusal.field });
}
