import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "../../../_lib/session";
import { PasteForm } from "./paste-form";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Import articles" };

export default async function ImportArticlesPage() {
  const actor = await requirePageActor("/articles/import");
  if (!can(actor, "article.import")) {
    return <p className="form-error" role="alert">Only editors can import articles.</p>;
  }
  return (
    <>
      <h1>Import articles</h1>
      <p className="muted">
        Text is stored as given, letter for letter: save files as UTF-8. HTML, Markdown and Word documents keep their headings,
        paragraphs, lists, quotes, bold, italic and web links; everything else (scripts, styles, images, tables&apos; layout) is
        dropped and only its text is kept.
      </p>
      <div className="import-columns">
        <section className="card">
          <h2>Upload files</h2>
          <UploadForm />
        </section>
        <section className="card">
          <h2>Paste text</h2>
          <PasteForm />
        </section>
      </div>
    </>
  );
}
