"use client";

import { useTranslations } from "next-intl";
import { NOT_DELIVERED } from "../_lib/send-action";
import { useTranslateMessage } from "./translated-message";

/**
 * Says that a change was not delivered and offers to send it again. What was entered stays in the
 * form, so "Try again" sends the same thing.
 */
export function NotDeliveredMessage({ onRetry, busy = false }: { onRetry: () => void; busy?: boolean }) {
  const t = useTranslations("forms");
  const translate = useTranslateMessage();
  return (
    <p className="form-error" role="alert" data-testid="not-delivered">
      {translate(NOT_DELIVERED.messageCode)}{" "}
      <button type="button" className="secondary small" onClick={onRetry} disabled={busy}>
        {t("tryAgain")}
      </button>
    </p>
  );
}
