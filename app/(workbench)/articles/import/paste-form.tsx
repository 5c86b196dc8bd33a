"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { pasteImportSchema, type ArticleDetailsInput, type PasteImport, type PasteImportInput } from "@/lib/import/import-schemas";
import { MAX_PASTE_CHARS } from "@/lib/import/limits";
import { importPastedArticleAction } from "./actions";
import { ImportDetailsFields } from "./import-details-fields";

const EMPTY: PasteImportInput = { text: "", title: "", outlet: "", sourceUrl: "", publishedAt: "" };

export function PasteForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ status: "created" | "duplicate"; articleId: string; title: string } | null>(null);
  const { register, handleSubmit, setError, reset, getValues, formState } = useForm<PasteImportInput, unknown, PasteImport>({
    resolver: zodResolver(pasteImportSchema),
    defaultValues: EMPTY,
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit() {
    setFormError(null);
    setOutcome(null);
    // The fields as typed, not the resolver's parsed values (a Date cannot cross to the server
    // action, and the action validates with the same schema anyway).
    const result = await importPastedArticleAction(getValues());
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
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Paste an article">
      {formError && <p className="form-error" role="alert">{formError}</p>}
      {outcome && (
        <p className={outcome.status === "created" ? "notice" : "form-error"} role="status" data-testid="paste-result">
          {outcome.status === "created" ? "Imported " : "This text is already stored as "}
          <Link href={`/articles/${outcome.articleId}`}>{outcome.title}</Link>.
        </p>
      )}
      <FormField id="paste-text" label="Article text" error={errors.text?.message}>
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
        Kept exactly as pasted, one paragraph per line; up to {MAX_PASTE_CHARS.toLocaleString("en")} characters.
      </p>
      {/* The details fields are typed for the details alone; the paste form's values include them. */}
      <ImportDetailsFields idPrefix="paste" register={register as unknown as UseFormRegister<ArticleDetailsInput>} errors={errors} />
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? "Importing…" : "Import text"}</button>
    </form>
  );
}
