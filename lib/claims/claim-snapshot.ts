import type { DerekError } from "@/lib/core/errors";
import type { Tx } from "@/lib/db/client";
import { claimChangedError } from "./claim-errors";
import { CLAIM_FIGURE_FIELDS } from "./claim-selects";

/** The fields an audit event records before and after a change to a claim. */
export const CLAIM_AUDIT_FIELDS = {
  id: true,
  articleId: true,
  start: true,
  end: true,
  quote: true,
  ...CLAIM_FIGURE_FIELDS,
  eventDate: true,
  statement: true,
  note: true,
  status: true,
  rating: true,
  anchorStatus: true,
  version: true,
  authorId: true,
  deletedAt: true,
} as const;

/** Builds the conflict error from the claim's latest audit event: who changed it, and when. */
export async function claimConflict(tx: Tx, claimId: string): Promise<DerekError> {
  const latest = await tx.auditEvent.findFirst({
    where: { entityType: "Claim", entityId: claimId },
    orderBy: { id: "desc" },
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  return claimChangedError(latest?.actor?.name ?? null, latest?.createdAt ?? null);
}
