import type { ReactNode } from "react";
import type { ShownMessage } from "@/lib/i18n/coded-message";
import { TranslatedMessage } from "./translated-message";

/**
 * A labelled form control with its error message beside it. The message sits outside the label
 * so the control's accessible name stays just the label; the control points at the message
 * with aria-describedby (use `fieldErrorId`). Usable from server and client components alike.
 */
export function FormField({ id, label, error, children }: { id: string; label: string; error?: ShownMessage; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <span id={fieldErrorId(id)} className="field-error">
          <TranslatedMessage message={error} />
        </span>
      )}
    </div>
  );
}

export const fieldErrorId = (id: string) => `${id}-error`;
