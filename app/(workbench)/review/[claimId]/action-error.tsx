"use client";

import { useRouter } from "next/navigation";

/**
 * A refusal from the server. On a conflict it offers a reload: the page re-reads the claim, the
 * forms start again from its new version, and the person decides again knowing what changed.
 */
export function ActionError({ error, conflict, onReload }: { error: string; conflict: boolean; onReload: () => void }) {
  const router = useRouter();
  return (
    <p className="form-error" role="alert" data-testid={conflict ? "conflict" : undefined}>
      {error}{" "}
      {conflict && (
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            onReload();
            router.refresh();
          }}
        >
          Reload
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
