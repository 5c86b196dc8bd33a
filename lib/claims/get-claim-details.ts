import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { claimNotFoundError } from "./claim-errors";
import { CLAIM_SOURCES_SELECT } from "./claim-selects";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parts of a claim the side panel shows when it is opened: notes, author, sources. */
export async function getClaimDetails(options: { actor: Actor; claimId: string }) {
  authorize(options.actor, "article.read");
  if (!UUID.test(options.claimId)) throw claimNotFoundError();
  const claim = await db.claim.findFirst({
    where: { id: options.claimId, deletedAt: null },
    select: {
      id: true,
      version: true,
      eventDate: true,
      note: true,
      author: { select: { name: true } },
      sources: CLAIM_SOURCES_SELECT,
    },
  });
  if (!claim) throw claimNotFoundError();
  return { ...claim, eventDate: claim.eventDate?.toISOString().slice(0, 10) ?? null };
}

export type ClaimDetails = Awaited<ReturnType<typeof getClaimDetails>>;
