import { decodeCodedMessage, isMessageCode } from "@/lib/core/coded-text";
import type { CodedMessage, MessageParams } from "@/lib/core/message-codes";
import { formatMoment } from "./format";
import type { Locale } from "./locales";

/** The shape of next-intl's `t` without a namespace (getTranslations() / useTranslations()). */
export interface CatalogTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A message as it reaches the interface: a coded message, a code alone, or words already written. */
export type ShownMessage = string | CodedMessage;

/**
 * The parameters as a reader sees them: an instant in `moment` (an ISO string) is written in
 * Almaty time and the reader's language, as every other time of the interface is; a parameter
 * that is itself a code (the reason inside "The filter cannot be saved: {reason}") is translated.
 */
function shownParams(t: CatalogTranslator, params: MessageParams | undefined, locale: Locale): MessageParams {
  const shown: MessageParams = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (name === "moment" && typeof value === "string" && !Number.isNaN(Date.parse(value))) shown[name] = formatMoment(new Date(value), locale);
    else if (typeof value === "string" && isMessageCode(value) && t.has(value)) shown[name] = t(value);
    else shown[name] = value;
  }
  return shown;
}

/**
 * A message in the reader's language. A code is translated once, here at the edge, from the
 * reader's catalog; words (a server's refusal already translated, an article's own text) are
 * shown as they are.
 */
export function messageText(t: CatalogTranslator, shown: ShownMessage, locale: Locale): string {
  // A coded message that crossed as text (a zod rule's bound, a sign-in refusal) is read back.
  const message = typeof shown === "string" ? decodeCodedMessage(shown) : shown;
  if (typeof message === "string" && !isMessageCode(message)) return message;
  const coded: { code: string; params?: MessageParams } = typeof message === "string" ? { code: message } : message;
  if (!t.has(coded.code)) return coded.code;
  return t(coded.code, shownParams(t, coded.params, locale));
}

