"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { updateArticleDetailsSchema, type ArticleDetailsInput, type UpdateArticleDetailsInput } from "@/lib/import/import-schemas";
import { ImportDetailsFields } from "../import/import-details-fields";
import { updateArticleDetailsAction } from "./details-actions";

export interface ArticleDetailsFormProps {
  article: {
    id: string;
    title: string;
    outlet: string | null;
    sourceUrl: string | null;
    /** YYYY-MM-DD or null. */
    publishedAt: string | null;
    /** ISO timestamp of the article as loaded, so a concurrent change is detected, not overwritten. */
    updatedAt: string;
  };
}

/** "Edit details" on the article page: title, outlet, source address and date, folded away until needed. */
export function ArticleDetailsForm({ article }: ArticleDetailsFormProps) {
  const t = useTranslations("workbench.articleDetails");
  const translateMessage = useTranslateMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const [saved, setSaved] = useState(false);
  const defaults: UpdateArticleDetailsInput = {
    articleId: article.id,
    updatedAt: article.updatedAt,
    title: article.title,
    outlet: article.outlet ?? "",
    sourceUrl: article.sourceUrl ?? "",
    publishedAt: article.publishedAt ?? "",
  };
  const { register, handleSubmit, setError, setValue, getValues, formState } = useForm<UpdateArticleDetailsInput, unknown, unknown>({
    resolver: zodResolver(updateArticleDetailsSchema),
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit() {
    setFormError(null);
    setNotDelivered(false);
    setSaved(false);
    const result = await sendAction(updateArticleDetailsAction, getValues());
    if (isNotDelivered(result)) return setNotDelivered(true);
    if (result.ok) {
      setValue("updatedAt", result.data.updatedAt);
      setSaved(true);
      router.refresh();
      return;
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field in updateArticleDetailsSchema.shape) setError(field as keyof UpdateArticleDetailsInput, { message });
    }
    if (!result.fieldErrors) setFormError(result.error);
  }

  return (
    <details className="article-details-form">
      <summary>{t("summary")}</summary>
      <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t("formLabel")}>
        {formError && <p className="form-error" role="alert">{translateMessage(formError)}</p>}
        {notDelivered && <NotDeliveredMessage onRetry={() => void handleSubmit(onSubmit)()} busy={formState.isSubmitting} />}
        {saved && <p className="notice" role="status">{t("saved")}</p>}
        <ImportDetailsFields
          idPrefix="details"
          register={register as unknown as UseFormRegister<ArticleDetailsInput>}
          errors={errors}
          titleHint=""
        />
        <button type="submit" disabled={isSubmitting}>{isSubmitting ? t("saving") : t("save")}</button>
      </form>
    </details>
  );
}
