"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { documentExtensions } from "@/lib/document/schema";
import { reviseArticleAction } from "./actions";

/**
 * Edits the article's words. Saving makes a new revision; the server then finds every claim
 * again in the new text, and reports the claims it could not place.
 */
export function ArticleTextEditor({ articleId, revision, content }: { articleId: string; revision: number; content: JSONContent }) {
  const t = useTranslations("articleEdit");
  const translateMessage = useTranslateMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const [saving, startSaving] = useTransition();
  const editor = useEditor({
    extensions: documentExtensions,
    content,
    immediatelyRender: false,
    editorProps: { attributes: { "aria-label": t("editorLabel"), lang: "kk", spellcheck: "false" } },
  });

  function save() {
    if (!editor) return;
    setError(null);
    setNotDelivered(false);
    startSaving(async () => {
      const result = await sendAction(reviseArticleAction, { articleId, expectedRevision: revision, doc: editor.getJSON() });
      // The text stays in the editor as it was typed, to be saved again.
      if (isNotDelivered(result)) return setNotDelivered(true);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const { orphaned } = result.data.claims;
      router.push(`/articles/${articleId}${orphaned ? `?orphaned=${orphaned}` : ""}`);
      router.refresh();
    });
  }

  return (
    <div className="stack">
      {error && <p className="form-error" role="alert">{translateMessage(error)}</p>}
      {notDelivered && <NotDeliveredMessage onRetry={save} busy={saving} />}
      <div className="article-viewer article-editor card" data-testid="article-editor">
        <EditorContent editor={editor} />
      </div>
      <div className="field-row">
        <button type="button" onClick={save} disabled={saving || !editor}>{saving ? t("saving") : t("save")}</button>
        <a href={`/articles/${articleId}`}>{t("cancel")}</a>
      </div>
    </div>
  );
}
