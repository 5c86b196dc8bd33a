"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTranslateMessage } from "@/app/_components/message-translation";

/**
 * A refusal from the server. On a conflict it offers a reload: the page re-reads the claim, the
 * forms start again from its new version, and the person decides again knowing what changed.
 * A message of lib/ (a refusal, a conflict) shows in the reader's language; other text as given.
 */
export function ActionError({ error, conflict, onReload }: { error: string; conflict: boolean; onReload: () => void }) {
  const router = useRouter();
  const t = useTranslations("review");
  const translate = useTranslateMessage();
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
}

/** What a form shows of a failed action: fields get their own messages, the rest goes on top. */
export function shownError(result: { error: string; code?: string; fieldErrors?: Record<string, string> }, placedOnFields: boolean): ShownError {
  return { error: placedOnFields ? "Some fields need attention." : result.error, conflict: result.code === "conflict" };
}
