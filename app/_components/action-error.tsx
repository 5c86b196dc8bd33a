"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered } from "@/app/_lib/send-action";

/**
 * A refusal from the server. On a conflict it offers a reload: the page re-reads the claim, the
 * forms start again from its new version, and the person decides again knowing what changed.
 * A request that never arrived offers to send the same again (onRetry).
 * A message of lib/ (a refusal, a conflict) shows in the reader's language; other text as given.
 */
export function ActionError({
  error,
  conflict,
  notDelivered,
  onReload,
  onRetry,
}: ShownError & { onReload: () => void; onRetry: () => void }) {
  const router = useRouter();
  const t = useTranslations("review");
  const translate = useTranslateMessage();
  if (notDelivered) return <NotDeliveredMessage onRetry={onRetry} />;
  return (
    <p className="form-error" role="alert" data-testid={conflict ? "conflict" : undefined}>
      {translate(error)}{" "}
      {conflict && (
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            onReload();
            router.refresh();
          }}
        >
          {t("reload")}
        </button>
      )}
    </p>
  );
}

export interface ShownError {
  error: string;
  conflict: boolean;
  notDelivered: boolean;
}

/** What a form shows of a failed action: fields get their own messages, the rest goes on top. */
export function shownError(result: { error: string; code?: string; fieldErrors?: Record<string, string> }, placedOnFields: boolean): ShownError {
  return { error: placedOnFields ? "libApp.fieldsNeedAttention" : result.error, conflict: result.code === "conflict", notDelivered: isNotDelivered(result) };
}
