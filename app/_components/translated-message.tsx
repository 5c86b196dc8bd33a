"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { messageText, type CatalogTranslator, type ShownMessage } from "@/lib/i18n/coded-message";
import type { Locale } from "@/lib/i18n/locales";

type NamespaceTranslator = ReturnType<typeof useTranslations>;

/**
 * The catalogs lib/'s codes live in, each named literally so the check of what a page sends the
 * browser (tests/unit/i18n/client-namespaces.test.ts) sees them; the shell sends all of them.
 */
function useLibTranslators(): Record<string, NamespaceTranslator> {
  return {
    libApp: useTranslations("libApp"),
    libArticles: useTranslations("libArticles"),
    libAuth: useTranslations("libAuth"),
    libBackup: useTranslations("libBackup"),
    libClaims: useTranslations("libClaims"),
    libDelivery: useTranslations("libDelivery"),
    libExport: useTranslations("libExport"),
    libGrouping: useTranslations("libGrouping"),
    libImport: useTranslations("libImport"),
    libLedger: useTranslations("libLedger"),
    libReview: useTranslations("libReview"),
    libServer: useTranslations("libServer"),
    libSuggestions: useTranslations("libSuggestions"),
    libTokens: useTranslations("libTokens"),
    libUsers: useTranslations("libUsers"),
  } as Record<string, NamespaceTranslator>;
}

/** One translator over every lib* catalog, addressed by the code's whole path ("libClaims.source.gone"). */
function catalogTranslator(translators: Record<string, NamespaceTranslator>): CatalogTranslator {
  const split = (code: string): [NamespaceTranslator | undefined, string] => {
    const dot = code.indexOf(".");
    return [translators[code.slice(0, dot)], code.slice(dot + 1)];
  };
  const translate = ((code: string, values?: Record<string, string | number>) => {
    const [t, key] = split(code);
    return t ? (t as unknown as CatalogTranslator)(key, values) : code;
  }) as CatalogTranslator;
  translate.has = (code: string) => {
    const [t, key] = split(code);
    return t !== undefined && (t as unknown as CatalogTranslator).has(key);
  };
  return translate;
}

/**
 * Translates a message of lib/ in the browser: a code from a schema run by the form, or a code
 * with parameters from a route's JSON. Words (a server action's refusal, already translated on
 * the server) are shown as they are.
 */
export function useTranslateMessage(): (message: ShownMessage) => string {
  const translators = useLibTranslators();
  const locale = useLocale() as Locale;
  // The translators are stable per locale and messages; the record around them is not.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((message: ShownMessage) => messageText(catalogTranslator(translators), message, locale), [locale, ...Object.values(translators)]);
}

/** A message of lib/, in the reader's language. */
export function TranslatedMessage({ message }: { message: ShownMessage }) {
  return <>{useTranslateMessage()(message)}</>;
}
