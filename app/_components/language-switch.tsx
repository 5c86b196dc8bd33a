"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { sendAction } from "../_lib/send-action";
import { setLocaleAction } from "../_lib/locale-actions";

/** The interface language, switched in place; the page re-renders in the new language. */
export function LanguageSwitch() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t("language")}</span>
      <select
        value={locale}
        disabled={pending}
        data-testid="language-switch"
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            // Not delivered: the switch stays on the language the page is in, which says it.
            const result = await sendAction(setLocaleAction, { locale: next });
            if (result.ok) router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
