"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { DateInput } from "@/app/_components/date-input";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import type { ArticleDetailsInput } from "@/lib/import/import-schemas";

/** Title, outlet, source address and date: the same four fields wherever an article's details are entered. */
export function ImportDetailsFields({
  idPrefix,
  register,
  errors,
  titleHint,
}: {
  idPrefix: string;
  register: UseFormRegister<ArticleDetailsInput>;
  errors: FieldErrors<ArticleDetailsInput>;
  /** The title's placeholder; by default, that a blank title takes the first line. */
  titleHint?: string;
}) {
  const t = useTranslations("importPage");
  const field = (name: keyof ArticleDetailsInput) => ({
    id: `${idPrefix}-${name}`,
    "aria-invalid": !!errors[name],
    "aria-describedby": errors[name] ? fieldErrorId(`${idPrefix}-${name}`) : undefined,
    ...register(name),
  });
  return (
    <div className="details-grid">
      <FormField id={`${idPrefix}-title`} label={t("details.title")} error={errors.title?.message}>
        <input {...field("title")} placeholder={titleHint ?? t("details.titleHint")} lang="kk" />
      </FormField>
      <FormField id={`${idPrefix}-outlet`} label={t("details.outlet")} error={errors.outlet?.message}>
        <input {...field("outlet")} placeholder={t("details.outletExample")} lang="kk" />
      </FormField>
      <FormField id={`${idPrefix}-sourceUrl`} label={t("details.sourceUrl")} error={errors.sourceUrl?.message}>
        <input {...field("sourceUrl")} type="url" inputMode="url" placeholder={t("details.sourceUrlExample")} />
      </FormField>
      <FormField id={`${idPrefix}-publishedAt`} label={t("details.publishedAt")} error={errors.publishedAt?.message}>
        <DateInput {...field("publishedAt")} />
      </FormField>
    </div>
  );
}
