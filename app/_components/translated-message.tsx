"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { messageText, type CatalogTranslator, type ShownMessage } from "@/lib/i18n/coded-message";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Translates a message of lib/ in the browser: a code from a schema run by the form, or a code
 * with parameters from a route's JSON. Words (a server action's refusal, already translated on
 * the server) are shown as they are.
 */
export function useTranslateMessage(): (message: ShownMessage) => string {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  return useCallback((message: ShownMessage) => messageText(t as unknown as CatalogTranslator, message, locale), [t, locale]);
}

/** A message of lib/, in the reader's language. */
export function TranslatedMessage({ message }: { message: ShownMessage }) {
  return <>{useTranslateMessage()(message)}</>;
}
