"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { deleteClaimSetAction, saveClaimSetAction } from "./actions";

interface SavedSet {
  id: string;
  name: string;
  query: string;
  ownerName: string;
  mayDelete: boolean;
}

/** Saved filters ("claim sets"): apply one, save the current filter under a name, delete your own. */
export function ClaimSetsPanel({ sets, params, activeQuery }: { sets: SavedSet[]; params: Record<string, string>; activeQuery: string }) {
  const router = useRouter();
  const t = useTranslations("ledger.claimSets");
  const translate = useTranslateMessage();
  // The name's rules, as the server has them (lib/ledger/claim-sets.ts), in the reader's language;
  // the server checks again.
  const nameSchema = useMemo(
    () => z.object({ name: z.string().trim().min(1, { error: t("nameRequired") }).max(100, { error: t("nameTooLong") }) }),
    [t],
  );
  const [message, setMessage] = useState<string | null>(null);
  // What to send again after a request that did not arrive: the save, or the deletion of a set.
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<{ name: string }>({
    resolver: zodResolver(nameSchema),
    defaultValues: { name: "" },
  });
  const save = handleSubmit(async ({ name }) => {
    setMessage(null);
    setRetry(null);
    const result = await sendAction(saveClaimSetAction, { name, params });
    if (isNotDelivered(result)) return setRetry(() => () => void save());
    if (!result.ok) return setError("name", { message: result.fieldErrors?.name ?? result.error });
    reset({ name: "" });
    setMessage(t("savedAs", { name: result.data.name }));
    router.refresh();
  });
  const remove = async (set: SavedSet, confirmed = false) => {
    if (!confirmed && !window.confirm(t("confirmDelete", { name: set.name }))) return;
    setRetry(null);
    const result = await sendAction(deleteClaimSetAction, { claimSetId: set.id });
    if (isNotDelivered(result)) return setRetry(() => () => void remove(set, true));
    setMessage(result.ok ? t("deleted", { name: set.name }) : translate(result.error));
    router.refresh();
  };
  const error = formState.errors.name?.message;
  return (
    <section className="card claim-sets" aria-labelledby="claim-sets-heading" data-testid="claim-sets">
      <h2 id="claim-sets-heading">{t("heading")}</h2>
      {sets.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className="claim-set-list">
          {sets.map((set) => (
            <li key={set.id}>
              <Link href={`/ledger?${set.query}`} aria-current={set.query === activeQuery ? "true" : undefined}>{set.name}</Link>{" "}
              <span className="muted small-print">{set.ownerName}</span>
              {set.mayDelete && (
                <button type="button" className="link-button" onClick={() => remove(set)} aria-label={t("deleteLabel", { name: set.name })}>
                  {t("delete")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {retry && <NotDeliveredMessage onRetry={retry} busy={formState.isSubmitting} />}
      <form onSubmit={save} noValidate className="claim-set-form" aria-label={t("saveFormLabel")}>
        <FormField id="claim-set-name" label={t("saveAs")} error={error}>
          <input id="claim-set-name" aria-invalid={!!error} aria-describedby={error ? fieldErrorId("claim-set-name") : undefined} {...register("name")} />
        </FormField>
        <button type="submit" className="secondary" disabled={formState.isSubmitting}>{t("save")}</button>
      </form>
      {message && <p role="status" className="muted small-print">{message}</p>}
    </section>
  );
}
