import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { ClaimNotFoundError } from "./claim-errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parts of a claim the side panel shows when it is opened: notes, author, sources. */
export async function getClaimDetails(options: { actor: Actor; claimId: string }) {
  authorize(options.actor, "article.read");
  if (!UUID.test(options.claimId)) throw new ClaimNotFoundError();
  const claim = await db.claim.findFirst({
    where: { id: options.claimId, deletedAt: null },
    select: {
      id: true,
      version: true,
      eventDate: true,
      note: true,
      author: { select: { name: true } },
      sources: {
        orderBy: { createdAt: "asc" },
        select: {
          stance: true,
          passage: true,
          note: true,
          source: { select: { id: true, url: true, title: true, publisher: true, kind: true, archivedUrl: true } },
        },
      },
    },
  });
  if (!claim) throw new ClaimNotFoundError();
  return { ...claim, eventDate: claim.eventDate?.toISOString().slice(0, 10) ?? null };
}

export type ClaimDetails = Awaited<ReturnType<typeof getClaimDetails>>;
