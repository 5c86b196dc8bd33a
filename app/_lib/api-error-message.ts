import type { FieldMessage } from "@/lib/core/errors";
import type { ShownMessage } from "@/lib/i18n/coded-message";
import type { ApiError } from "./api-request";

/**
 * What a page shows of a route's JSON error: its message code and parameters, which the page
 * words in the reader's language; the English `error` only when there is no code. Null for a
 * body that is not the API's error (a proxy's page, an empty answer).
 */
export function apiErrorMessage(body: unknown): ShownMessage | null {
  if (!body || typeof body !== "object") return null;
  const { error, messageCode, params } = body as Partial<ApiError>;
  if (typeof messageCode === "string") return { code: messageCode, params };
  return typeof error === "string" ? error : null;
}

/** Each field's message of a route's JSON error, to translate where it is shown. */
export function apiFieldMessages(body: unknown): FieldMessage[] {
  if (!body || typeof body !== "object") return [];
  const { fieldCodes, fieldErrors } = body as Partial<ApiError>;
  return Object.values(fieldCodes ?? fieldErrors ?? {});
}
