import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locales";
import { currentActor } from "./session";

export const LOCALE_COOKIE = "derek-locale";

/**
 * The language of this request: the signed-in user's choice, else this browser's (a cookie, for
 * the sign-in page), else what the browser asks for, else Kazakh.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const actor = await currentActor();
  if (isLocale(actor?.locale)) return actor.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
});
