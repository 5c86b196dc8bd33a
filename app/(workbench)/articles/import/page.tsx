import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { warmUpConversion } from "@/lib/import/off-thread/convert-off-thread";
import { requirePageActor } from "../../../_lib/session";
import { PasteForm } from "./paste-form";
import { UploadForm } from "./upload-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("importPage");
  return { title: t("title") };
}

async function ImportArticlesPage() {
  const actor = await requirePageActor("/articles/import");
  const t = await getTranslations("importPage");
  if (!can(actor, "article.import")) {
    return <p className="form-error" role="alert">{t("onlyEditors")}</p>;
  }
  warmUpConversion();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <div className="import-columns">
        <section className="card">
          <h2>{t("uploadHeading")}</h2>
          <UploadForm />
        </section>
        <section className="card">
          <h2>{t("pasteHeading")}</h2>
          <PasteForm />
        </section>
      </div>
    </>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page() {
  return (
    <ClientMessages route="/articles/import">
      <ImportArticlesPage />
    </ClientMessages>
  );
}
