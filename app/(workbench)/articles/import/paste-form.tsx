"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { TranslatedMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { pasteImportSchema, type ArticleDetailsInput, type PasteImport, type PasteImportInput } from "@/lib/import/import-schemas";
import { MAX_PASTE_CHARS } from "@/lib/import/limits";
import { importPastedArticleAction } from "./actions";
import { ImportDetailsFields } from "./import-details-fields";

const EMPTY: PasteImportInput = { text: "", title: "", outlet: "", sourceUrl: "", publishedAt: "" };

export function PasteForm() {
  const t = useTranslations("importPage");
  const [formError, setFormError] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const [outcome, setOutcome] = useState<{ status: "created" | "duplicate"; articleId: string; title: string } | null>(null);
  const { register, handleSubmit, setError, reset, getValues, formState } = useForm<PasteImportInput, unknown, PasteImport>({
    resolver: zodResolver(pasteImportSchema),
    defaultValues: EMPTY,
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit() {
    setFormError(null);
    setNotDelivered(false);
    setOutcome(null);
    // The fields as typed, not the resolver's parsed values (a Date cannot cross to the server
    // action, and the action validates with the same schema anyway).
    const result = await sendAction(importPastedArticleAction, getValues());
    if (isNotDelivered(result)) return setNotDelivered(true);
    if (result.ok) {
      setOutcome(result.data);
      if (result.data.status === "created") reset(EMPTY);
      return;
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field in pasteImportSchema.shape) setError(field as keyof PasteImportInput, { message });
    }
    if (!result.fieldErrors) setFormError(result.error);
  }

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t("paste.label")}>
      {formError && <p className="form-error" role="alert"><TranslatedMessage message={formError} /></p>}
      {notDelivered && <NotDeliveredMessage onRetry={() => void handleSubmit(onSubmit)()} busy={formState.isSubmitting} />}
      {outcome && (
        <p className={outcome.status === "created" ? "notice" : "form-error"} role="status" data-testid="paste-result">
          {outcome.status === "created"
            ? t.rich("paste.imported", { title: outcome.title, link: (chunks) => <Link href={`/articles/${outcome.articleId}`}>{chunks}</Link> })
            : t.rich("paste.alreadyStored", { title: outcome.title, link: (chunks) => <Link href={`/articles/${outcome.articleId}`}>{chunks}</Link> })}
        </p>
      )}
      <FormField id="paste-text" label={t("paste.text")} error={errors.text?.message}>
        <textarea
          id="paste-text"
          rows={12}
          lang="kk"
          aria-invalid={!!errors.text}
          aria-describedby={errors.text ? fieldErrorId("paste-text") : "paste-text-hint"}
          {...register("text")}
        />
      </FormField>
      <p id="paste-text-hint" className="muted hint">
        {t("paste.hint", { max: MAX_PASTE_CHARS })}
      </p>
      {/* The details fields are typed for the details alone; the paste form's values include them. */}
      <ImportDetailsFields idPrefix="paste" register={register as unknown as UseFormRegister<ArticleDetailsInput>} errors={errors} />
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? t("paste.submitting") : t("paste.submit")}</button>
    </form>
  );
}
