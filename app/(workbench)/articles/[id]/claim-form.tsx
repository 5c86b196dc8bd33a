"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { forwardRef, useEffect, useImperativeHandle, useState } from "react";
import { Controller, useFieldArray, useForm, type Path } from "react-hook-form";
import { DateInput } from "@/app/_components/date-input";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { useConfirmLeaving } from "@/app/_components/use-confirm-leaving";
import { CLAIM_CATEGORIES, claimFieldsSchema, QUALIFIERS, SOURCE_KINDS, STANCES, type ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { SourceOnFileNotice } from "./source-on-file-notice";
import { SourcePicker, type PickedSource } from "./source-picker";
import { UnitChoice } from "./unit-choice";

export type ClaimFormResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string>; notDelivered?: true };

export interface ClaimFormHandle {
  chooseCategory(index: number): void;
  submit(): void;
  /** Whether anything was entered that is not saved yet. */
  isDirty(): boolean;
}

interface ClaimFormProps {
  quote: string;
  defaultValues: ClaimFieldsInput;
  /** The sources the claim already cites, so the form can name them. */
  chosenSources?: PickedSource[];
  submitLabel: string;
  onSubmit: (values: ClaimFieldsInput) => Promise<ClaimFormResult>;
  onCancel: () => void;
}

const describedBy = (id: string, invalid: boolean) => (invalid ? fieldErrorId(id) : undefined);

/** The claim's fields and sources. The same zod schema validates here and on the server. */
export const ClaimForm = forwardRef<ClaimFormHandle, ClaimFormProps>(function ClaimForm(
  { quote, defaultValues, chosenSources = [], submitLabel, onSubmit, onCancel },
  ref,
) {
  const t = useTranslations("workbench");
  const l = useTranslations("labels");
  const translateMessage = useTranslateMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  // What the pickers show of each chosen source, by id: the claim's own, then each one picked.
  const [picked, setPicked] = useState<Record<string, PickedSource>>(() => Object.fromEntries(chosenSources.map((s) => [s.id, s])));
  const { register, control, handleSubmit, setError, setFocus, setValue, formState } = useForm<ClaimFieldsInput>({
    // raw: the server gets what was typed and validates it again with the same schema.
    resolver: zodResolver(claimFieldsSchema, undefined, { raw: true }),
    defaultValues,
    shouldUnregister: true,
  });
  const { fields, append, remove, update } = useFieldArray({ control, name: "sources" });
  const { errors, isSubmitting, isDirty } = formState;
  const f = useTranslations("forms");
  useConfirmLeaving(isDirty && !isSubmitting, f("leaveUnsaved"));
  const sourceErrors = errors.sources;
  // The form opens beside the text: focus comes to its first field, so a keyboard or a screen
  // reader is where the work continues (the panel announces what opened).
  useEffect(() => setFocus("category"), [setFocus]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setNotDelivered(false);
    const result = await onSubmit(values);
    if (result.ok) return;
    // Nothing was refused: what was entered stays as it is, to be sent again.
    if (result.notDelivered) return setNotDelivered(true);
    let placed = false;
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field === "range" || field === "form") continue;
      setError(field as Path<ClaimFieldsInput>, { message });
      placed = true;
    }
    setFormError(placed ? t("form.needsAttention") : result.error);
  });

  useImperativeHandle(ref, () => ({
    chooseCategory: (index) => {
      const category = CLAIM_CATEGORIES[index];
      if (category) setValue("category", category, { shouldDirty: true });
    },
    submit: () => void submit(),
    isDirty: () => isDirty,
  }));

  return (
    <form className="stack claim-form" onSubmit={submit} noValidate data-testid="claim-form">
      <blockquote className="claim-quote" lang="kk">{quote}</blockquote>
      {formError && <p className="form-error" role="alert">{translateMessage(formError)}</p>}
      {notDelivered && <NotDeliveredMessage onRetry={() => void submit()} busy={isSubmitting} />}
      <FormField id="claim-category" label={t("claim.category")} error={errors.category?.message}>
        <select id="claim-category" aria-describedby={describedBy("claim-category", !!errors.category)} {...register("category")}>
          {CLAIM_CATEGORIES.map((c, i) => (
            <option key={c} value={c}>
              {i + 1} · {l(`category.${c}`)}
            </option>
          ))}
        </select>
      </FormField>
      <div className="field-row">
        <FormField id="claim-value" label={t("form.value")} error={errors.value?.message}>
          <input id="claim-value" inputMode="decimal" aria-invalid={!!errors.value} aria-describedby={describedBy("claim-value", !!errors.value)} {...register("value")} />
        </FormField>
        <FormField id="claim-min" label={t("form.min")} error={errors.min?.message}>
          <input id="claim-min" inputMode="decimal" aria-invalid={!!errors.min} aria-describedby={describedBy("claim-min", !!errors.min)} {...register("min")} />
        </FormField>
        <FormField id="claim-max" label={t("form.max")} error={errors.max?.message}>
          <input id="claim-max" inputMode="decimal" aria-invalid={!!errors.max} aria-describedby={describedBy("claim-max", !!errors.max)} {...register("max")} />
        </FormField>
      </div>
      <div className="field-row">
        <FormField id="claim-unit" label={t("form.unit")} error={errors.unit?.message}>
          <Controller
            control={control}
            name="unit"
            render={({ field }) => (
              <UnitChoice id="claim-unit" value={field.value ?? ""} onChange={field.onChange} onBlur={field.onBlur} invalid={!!errors.unit} describedBy={describedBy("claim-unit", !!errors.unit)} />
            )}
          />
        </FormField>
        <FormField id="claim-qualifier" label={t("form.qualifier")} error={errors.qualifier?.message}>
          <select id="claim-qualifier" {...register("qualifier")}>
            {QUALIFIERS.map((q) => (
              <option key={q} value={q}>{l(`qualifier.${q}`)}</option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField id="claim-claimant" label={t("claim.claimant")} error={errors.claimant?.message}>
        <input id="claim-claimant" placeholder={t("form.claimantPlaceholder")} {...register("claimant")} />
      </FormField>
      <FormField id="claim-statement" label={t("claim.statement")} error={errors.statement?.message}>
        <textarea id="claim-statement" rows={2} placeholder={t("form.statementPlaceholder")} {...register("statement")} />
      </FormField>
      <FormField id="claim-event-date" label={t("claim.eventDate")} error={errors.eventDate?.message}>
        <DateInput id="claim-event-date" aria-invalid={!!errors.eventDate} aria-describedby={describedBy("claim-event-date", !!errors.eventDate)} {...register("eventDate")} />
      </FormField>
      <FormField id="claim-note" label={t("claim.note")} error={errors.note?.message}>
        <textarea id="claim-note" rows={2} {...register("note")} />
      </FormField>

      <fieldset className="sources">
        <legend>{t("claim.sources")}</legend>
        {fields.map((field, i) => {
          const isNew = field.newSource !== undefined;
          const err = sourceErrors?.[i];
          return (
            <div key={field.id} className="source-entry" data-testid={`source-${i}`}>
              <div className="field-row">
                <button
                  type="button"
                  className="secondary small"
                  onClick={() =>
                    update(i, isNew ? { sourceId: "", stance: "SUPPORTS" } : { newSource: { url: "", kind: "OTHER" }, stance: "SUPPORTS" })
                  }
                >
                  {isNew ? t("form.pickExisting") : t("form.addNew")}
                </button>
                <button type="button" className="secondary small" onClick={() => remove(i)}>{t("form.remove")}</button>
              </div>
              {isNew ? (
                <>
                  <FormField id={`source-${i}-url`} label={t("form.sourceUrl")} error={err?.newSource?.url?.message}>
                    <input id={`source-${i}-url`} type="url" aria-invalid={!!err?.newSource?.url} aria-describedby={describedBy(`source-${i}-url`, !!err?.newSource?.url)} {...register(`sources.${i}.newSource.url`)} />
                  </FormField>
                  <SourceOnFileNotice control={control} name={`sources.${i}.newSource.url`} />
                  <div className="field-row">
                    <FormField id={`source-${i}-title`} label={t("form.title")} error={err?.newSource?.title?.message}>
                      <input id={`source-${i}-title`} {...register(`sources.${i}.newSource.title`)} />
                    </FormField>
                    <FormField id={`source-${i}-publisher`} label={t("form.publisher")} error={err?.newSource?.publisher?.message}>
                      <input id={`source-${i}-publisher`} {...register(`sources.${i}.newSource.publisher`)} />
                    </FormField>
                  </div>
                  <div className="field-row">
                    <FormField id={`source-${i}-kind`} label={t("form.kind")} error={err?.newSource?.kind?.message}>
                      <select id={`source-${i}-kind`} {...register(`sources.${i}.newSource.kind`)}>
                        {SOURCE_KINDS.map((k) => (
                          <option key={k} value={k}>{l(`sourceKind.${k}`)}</option>
                        ))}
                      </select>
                    </FormField>
                    <FormField id={`source-${i}-archived`} label={t("form.archivedUrl")} error={err?.newSource?.archivedUrl?.message}>
                      <input id={`source-${i}-archived`} type="url" aria-invalid={!!err?.newSource?.archivedUrl} {...register(`sources.${i}.newSource.archivedUrl`)} />
                    </FormField>
                  </div>
                </>
              ) : (
                <FormField id={`source-${i}-existing`} label={t("form.source")} error={err?.sourceId?.message ?? err?.message}>
                  <Controller
                    control={control}
                    name={`sources.${i}.sourceId`}
                    render={({ field: picker }) => (
                      <SourcePicker
                        id={`source-${i}-existing`}
                        value={picker.value ? (picked[picker.value] ?? null) : null}
                        onChange={(source) => {
                          if (source) setPicked((before) => ({ ...before, [source.id]: source }));
                          picker.onChange(source?.id ?? "");
                        }}
                        onBlur={picker.onBlur}
                        invalid={!!err?.sourceId}
                        describedBy={describedBy(`source-${i}-existing`, !!(err?.sourceId ?? err?.message))}
                      />
                    )}
                  />
                </FormField>
              )}
              <div className="field-row">
                <FormField id={`source-${i}-stance`} label={t("form.stance")} error={err?.stance?.message}>
                  <select id={`source-${i}-stance`} {...register(`sources.${i}.stance`)}>
                    {STANCES.map((s) => (
                      <option key={s} value={s}>{l(`stance.${s}`)}</option>
                    ))}
                  </select>
                </FormField>
                <FormField id={`source-${i}-passage`} label={t("form.passage")} error={err?.passage?.message}>
                  <input id={`source-${i}-passage`} placeholder={t("form.passagePlaceholder")} {...register(`sources.${i}.passage`)} />
                </FormField>
              </div>
            </div>
          );
        })}
        <button type="button" className="secondary small" onClick={() => append({ newSource: { url: "", kind: "OTHER" }, stance: "SUPPORTS" })}>
          {t("form.addSource")}
        </button>
      </fieldset>

      <div className="field-row">
        <button type="submit" disabled={isSubmitting}>{isSubmitting ? t("form.saving") : submitLabel}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t("form.cancel")}</button>
      </div>
      <p className="muted small-print">{t("form.keysHint")}</p>
    </form>
  );
});
