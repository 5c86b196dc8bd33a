import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { currentInstanceWork, isEmptyInstance } from "@/lib/backup/instance-emptiness";
import { MAX_BACKUP_UPLOAD_BYTES } from "@/lib/backup/limits";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { requirePageActor } from "../../../_lib/session";
import { RestoreForm } from "./restore-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("restore");
  return { title: t("title") };
}

async function RestorePage() {
  const actor = await requirePageActor("/admin/restore");
  const t = await getTranslations("restore");
  const mayBackUp = can(actor, "backup.create");
  const mayRestore = can(actor, "backup.restore");
  if (!mayBackUp && !mayRestore) {
    return <p className="form-error" role="alert">{t("adminOnly")}</p>;
  }
  const locale = (await getLocale()) as Locale;
  const limit = t("gigabytes", { size: formatNumber(MAX_BACKUP_UPLOAD_BYTES / (1024 * 1024 * 1024), locale) });
  // The route refuses a restore into an instance with work of its own; the page says so first.
  const work = mayRestore ? await currentInstanceWork() : null;
  return (
    <>
      <h1>{t("title")}</h1>
      {mayBackUp && (
        <section className="card" style={{ maxWidth: "44rem", marginBottom: "1.5rem" }}>
          <h2>{t("backupHeading")}</h2>
          <p>{t("backupIntro")}</p>
          <p>
            {/* A plain download: the browser shows its progress and keeps the file. */}
            <a className="button-link" href="/api/backup" download>{t("backupDownload")}</a>
          </p>
          <p className="muted">{t.rich("backupScript", { code: (chunks) => <code>{chunks}</code> })}</p>
        </section>
      )}
      {mayRestore && (
        <section className="card" style={{ maxWidth: "44rem" }}>
          <h2>{t("restoreHeading")}</h2>
          <p>{t("intro")}</p>
          <p className="muted">{t.rich("note", { limit, code: (chunks) => <code>{chunks}</code> })}</p>
          {work && !isEmptyInstance(work) ? (
            <p className="notice" role="status" data-testid="restore-not-empty">
              {t("notEmpty", {
                claims: formatNumber(work.claims, locale),
                sources: formatNumber(work.sources, locale),
                groups: formatNumber(work.groups, locale),
                articles: formatNumber(work.articles, locale),
              })}
            </p>
          ) : (
            <RestoreForm />
          )}
        </section>
      )}
    </>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page() {
  return (
    <ClientMessages route="/admin/restore">
      <RestorePage />
    </ClientMessages>
  );
}
