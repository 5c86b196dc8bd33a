"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import type { ArticleDetailsInput } from "@/lib/import/import-schemas";

/** Title, outlet, source address and date: the same four fields wherever an article's details are entered. */
export function ImportDetailsFields({
  idPrefix,
  register,
  errors,
  titleHint = "Blank: the first line",
}: {
  idPrefix: string;
  register: UseFormRegister<ArticleDetailsInput>;
  errors: FieldErrors<ArticleDetailsInput>;
  titleHint?: string;
}) {
  const field = (name: keyof ArticleDetailsInput) => ({
    id: `${idPrefix}-${name}`,
    "aria-invalid": !!errors[name],
    "aria-describedby": errors[name] ? fieldErrorId(`${idPrefix}-${name}`) : undefined,
    ...register(name),
  });
  return (
    <div className="details-grid">
      <FormField id={`${idPrefix}-title`} label="Title" error={errors.title?.message}>
        <input {...field("title")} placeholder={titleHint} lang="kk" />
      </FormField>
      <FormField id={`${idPrefix}-outlet`} label="Outlet" error={errors.outlet?.message}>
        <input {...field("outlet")} placeholder="e.g. Азаттық" lang="kk" />
      </FormField>
      <FormField id={`${idPrefix}-sourceUrl`} label="Source address" error={errors.sourceUrl?.message}>
        <input {...field("sourceUrl")} type="url" inputMode="url" placeholder="https://…" />
      </FormField>
      <FormField id={`${idPrefix}-publishedAt`} label="Published on" error={errors.publishedAt?.message}>
        <input {...field("publishedAt")} type="date" />
      </FormField>
    </div>
  );
}
