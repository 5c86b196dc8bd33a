import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/catalog";
import { messageText, type CatalogTranslator, type ShownMessage } from "@/lib/i18n/coded-message";
import type { Locale } from "@/lib/i18n/locales";
import { REPO_ROOT } from "./paths";

/** A message of lib/ as a reader of `locale` sees it, through the real catalogs and next-intl. */
export function translatorFor(locale: Locale): (message: ShownMessage) => string {
  const t = createTranslator({ locale, messages: loadMessages(locale, REPO_ROOT), timeZone: "Asia/Almaty" });
  return (message) => messageText(t as unknown as CatalogTranslator, message, locale);
}
