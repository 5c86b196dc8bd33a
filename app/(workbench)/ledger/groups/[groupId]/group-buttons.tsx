"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { sendAction } from "@/app/_lib/send-action";
import { ActionError, shownError, type ShownError } from "@/app/_components/action-error";
import { dissolveGroupAction, removeClaimFromGroupAction } from "../actions";

/** Takes one claim out: it does not report this fact, and is not proposed with these claims again. */
export function RemoveClaimButton({ groupId, expectedUpdatedAt, claimId }: { groupId: string; expectedUpdatedAt: string; claimId: string }) {
  const t = useTranslations("groups");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ShownError | null>(null);
  const remove = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await sendAction(removeClaimFromGroupAction, { groupId, expectedUpdatedAt, claimId });
      if (!result.ok) return setFailure(shownError(result, false));
      if (result.data.groupId) router.refresh();
      else router.push("/ledger/groups");
    });
  return (
    <div className="group-claim-actions">
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={remove} />}
      <button type="button" className="secondary small" onClick={remove} disabled={pending} data-testid="remove-claim">
        {t("buttons.remove")}
      </button>
    </div>
  );
}

/** Rejects a proposal as a whole: no two of its claims are proposed together again. */
export function DissolveButton({ groupId, expectedUpdatedAt }: { groupId: string; expectedUpdatedAt: string }) {
  const t = useTranslations("groups");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ShownError | null>(null);
  const dissolve = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await sendAction(dissolveGroupAction, { groupId, expectedUpdatedAt });
      if (!result.ok) return setFailure(shownError(result, false));
      router.push("/ledger/groups");
    });
  return (
    <div className="stack">
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={dissolve} />}
      <div>
        <button type="button" className="secondary danger" onClick={dissolve} disabled={pending} data-testid="dissolve-group">
          {t("buttons.dissolve")}
        </button>
      </div>
    </div>
  );
}
