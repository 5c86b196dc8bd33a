import { DerekError, type FieldMessage, type RefusalKind } from "@/lib/core/errors";
import type { MessageCode, MessageParams } from "@/lib/core/message-codes";

/**
 * A refused export: why, for the person (or the script) that asked, and each field's own message.
 * Nothing has been written or recorded when it is thrown. The kind decides the HTTP status
 * (invalid 400, not-found 404, unprocessable 422, busy 503).
 */
export function exportRefusal(
  code: MessageCode,
  options: { params?: MessageParams; kind?: RefusalKind; fieldErrors?: Record<string, FieldMessage>; field?: string } = {},
): DerekError {
  const { field, ...rest } = options;
  // A refusal about one field is shown beside it too.
  const fieldErrors = rest.fieldErrors ?? (field ? { [field]: { code, params: options.params } } : undefined);
  return new DerekError(code, { ...rest, fieldErrors });
}
