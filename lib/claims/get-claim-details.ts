import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { dateOnlyOrNull } from "@/lib/core/dates";
import { isUuid } from "@/lib/core/ids";
import { claimNotFoundError } from "./claim-errors";
import { CLAIM_SOURCES_SELECT } from "./claim-selects";

/** The parts of a claim the side panel shows when it is opened: notes, author, sources. */
export async function getClaimDetails(options: { actor: Actor; claimId: string }) {
  authorize(options.actor, "article.read");
  if (!isUuid(options.claimId)) throw claimNotFoundError();
  const claim = await db.claim.findFirst({
    where: { id: options.claimId, deletedAt: null },
    select: {
      id: true,
      version: true,
      eventDate: true,
      note: true,
      statement: true,
      author: { select: { name: true } },
      sources: CLAIM_SOURCES_SELECT,
    },
  });
  if (!claim) throw claimNotFoundError();
  return { ...claim, eventDate: dateOnlyOrNull(claim.eventDate) };
}

export type ClaimDetails = Awaited<ReturnType<typeof getClaimDetails>>;
