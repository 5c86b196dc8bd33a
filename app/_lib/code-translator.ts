import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { messageText, type CatalogTranslator, type ShownMessage } from "@/lib/i18n/coded-message";
import type { Locale } from "@/lib/i18n/locales";

export type MessageTranslator = (message: ShownMessage) => string;

/**
 * Translates a message of lib/ (a code with its parameters) into the request's language, on
 * the server: for server actions' refusals and server-rendered pages.
 */
export async function codeTranslator(): Promise<MessageTranslator> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (message) => messageText(t as unknown as CatalogTranslator, message, locale as Locale);
}
