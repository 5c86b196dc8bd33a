"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { proposeGroupsAction } from "./actions";

/**
 * Runs the proposal over every claim not in a confirmed group and says what it did. Proposals it
 * makes again are kept as they are; confirmed groups are never touched.
 */
export function FindSameClaims() {
  const t = useTranslations("groups");
  const translate = useTranslateMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const run = () =>
    startTransition(async () => {
      setMessage(null);
      setNotDelivered(false);
      const result = await sendAction(proposeGroupsAction, {});
      if (isNotDelivered(result)) return setNotDelivered(true);
      if (!result.ok) return setMessage({ text: translate(result.error), error: true });
      const { proposed, kept, withdrawn, claims } = result.data;
      const parts = [t("find.proposed", { count: proposed })];
      if (kept) parts.push(t("find.kept", { count: kept }));
      if (withdrawn) parts.push(t("find.withdrawn", { count: withdrawn }));
      setMessage({ text: t("find.result", { done: parts.join(", "), count: claims }), error: false });
      router.refresh();
    });
  return (
    <div className="find-same-claims">
      <button type="button" onClick={run} disabled={pending} data-testid="find-same-claims">
        {pending ? t("find.pending") : t("find.button")}
      </button>
      {notDelivered && <NotDeliveredMessage onRetry={run} busy={pending} />}
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "form-error" : "notice"} data-testid="find-same-claims-result">
          {message.text}
        </p>
      )}
    </div>
  );
}
