"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { proposeGroupsAction } from "./actions";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Runs the proposal over every claim not in a confirmed group and says what it did. Proposals it
 * makes again are kept as they are; confirmed groups are never touched.
 */
export function FindSameClaims() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await proposeGroupsAction({});
      if (!result.ok) return setMessage({ text: result.error, error: true });
      const { proposed, kept, withdrawn, claims } = result.data;
      const parts = [`Proposed ${plural(proposed, "new group", "new groups")}`];
      if (kept) parts.push(`kept ${plural(kept, "earlier proposal", "earlier proposals")}`);
      if (withdrawn) parts.push(`withdrew ${plural(withdrawn, "proposal that no longer holds", "proposals that no longer hold")}`);
      setMessage({ text: `${parts.join(", ")} (${plural(claims, "claim", "claims")} looked at).`, error: false });
      router.refresh();
    });
  return (
    <div className="find-same-claims">
      <button type="button" onClick={run} disabled={pending} data-testid="find-same-claims">
        {pending ? "Looking for the same claims…" : "Find same claims"}
      </button>
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "form-error" : "notice"} data-testid="find-same-claims-result">
          {message.text}
        </p>
      )}
    </div>
  );
}
