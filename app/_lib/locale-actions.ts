"use server";

import { cookies } from "next/headers";
import { isLocale } from "@/lib/i18n/locales";
import { setUserLocale } from "@/lib/users/set-user-locale";
import type { ActionResult } from "./action-result";
import { codeTranslator } from "./code-translator";
import { LOCALE_COOKIE } from "./locale";
import { currentActor } from "./session";

/**
 * Switches the interface language. Anyone may (the sign-in page has the switch too); a signed-in
 * user's choice is stored with their account, and the browser keeps it in a cookie.
 */
export async function setLocaleAction(input: unknown): Promise<ActionResult<{ locale: string }>> {
  const locale = (input as { locale?: unknown } | null)?.locale;
  if (!isLocale(locale)) {
    const refusal = (await codeTranslator())({ code: "libUsers.chooseLanguage" });
    return { ok: false, error: refusal, fieldErrors: { locale: refusal }, messageCode: "libUsers.chooseLanguage" };
  }
  const actor = await currentActor();
  if (actor) await setUserLocale(actor.id, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: true });
  return { ok: true, data: { locale } };
}
