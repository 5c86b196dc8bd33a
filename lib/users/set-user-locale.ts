import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/i18n/locales";

/** Remembers the interface language a user chose; it follows them to any browser. */
export async function setUserLocale(userId: string, locale: string): Promise<Locale> {
  if (!isLocale(locale)) throw new DerekError("libUsers.chooseLanguage", { field: "locale" });
  await db.user.update({ where: { id: userId }, data: { locale } });
  return locale;
}
