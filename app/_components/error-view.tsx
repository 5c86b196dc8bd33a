"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect } from "react";

/**
 * Derek's own error page, in the reader's language: try the page again, or go back. The digest
 * matches the server's log line; the message itself is never shown (it may hold internals).
 */
export function ErrorView({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("errorPages.error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="card error-page" role="alert" data-testid="error-page">
      <title>{t("title")}</title>
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p className="field-row">
        <button type="button" onClick={retry}>{t("retry")}</button>
        <Link href="/articles">{t("back")}</Link>
      </p>
      {error.digest && <p className="muted small-print">{t("code", { digest: error.digest })}</p>}
    </section>
  );
}
