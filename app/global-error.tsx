"use client";

import { useEffect, useState } from "react";
import { isLocale, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locales";
import en from "@/messages/en/errorPages.json";
import kk from "@/messages/kk/errorPages.json";
import ru from "@/messages/ru/errorPages.json";
import "./globals.css";

const TEXTS: Record<Locale, typeof en> = { en, kk, ru };

// The language the page was in, read while its <html lang> is still there: this page replaces
// the root layout, and with it the translations the layout provides.
const pageLanguage = typeof document === "undefined" ? null : document.documentElement.lang;

function readerLocale(): Locale {
  if (isLocale(pageLanguage)) return pageLanguage;
  return localeFromAcceptLanguage(navigator.languages.join(",")) ?? "kk";
}

/** When even the root layout fails: Derek's own page, in the reader's language, with a way back. */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  // Kazakh until the browser is asked (rendered on the server, there is no browser to ask).
  const [locale, setLocale] = useState<Locale>("kk");
  useEffect(() => {
    setLocale(readerLocale());
    console.error(error);
  }, [error]);
  const t = TEXTS[locale].error;
  return (
    <html lang={locale}>
      <body>
        <main className="page">
          <section className="card error-page" role="alert" data-testid="error-page">
            <title>{t.title}</title>
            <h1>{t.title}</h1>
            <p>{t.text}</p>
            <p className="field-row">
              <button type="button" onClick={retry}>{t.retry}</button>
              {/* A full load: the app's router is what failed. */}
              <a href="/articles">{t.back}</a>
            </p>
            {error.digest && <p className="muted small-print">{t.code.replace("{digest}", error.digest)}</p>}
          </section>
        </main>
      </body>
    </html>
  );
}
