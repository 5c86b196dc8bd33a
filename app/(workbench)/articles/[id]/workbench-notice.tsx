"use client";

import { useTranslations } from "next-intl";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import type { WorkbenchMessage } from "./use-claim-state";

interface WorkbenchNoticeProps {
  message: WorkbenchMessage | null;
  canUndo: boolean;
  busy: boolean;
  onUndo: () => void;
}

/** The notice over the panel: the last action's outcome, a refusal in the reader's language, or a lost request to send again. */
export function WorkbenchNotice({ message, canUndo, busy, onUndo }: WorkbenchNoticeProps) {
  const t = useTranslations("workbench.panel");
  const translateMessage = useTranslateMessage();
  if (!message) return null;
  if (message.retry) return <NotDeliveredMessage onRetry={message.retry} busy={busy} />;
  return (
    <p className={message.kind === "error" ? "form-error" : "notice"} role={message.kind === "error" ? "alert" : "status"}>
      {message.kind === "error" ? translateMessage(message.text) : message.text}
      {canUndo && message.offersUndo && (
        <button type="button" className="secondary small" onClick={onUndo}>{t("undo")} <kbd>u</kbd></button>
      )}
    </p>
  );
}
