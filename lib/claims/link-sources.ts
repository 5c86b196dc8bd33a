import { DerekError } from "@/lib/core/errors";
import type { Tx } from "@/lib/db/client";
import type { ClaimFields } from "./claim-schemas";

/** Attaches sources to a claim, creating the new ones; an unknown existing source is refused. */
export async function linkSources(tx: Tx, options: { actorId: string; claimId: string; sources: ClaimFields["sources"] }) {
  const seen = new Set<string>();
  for (const [index, entry] of options.sources.entries()) {
    let sourceId = entry.sourceId;
    if (sourceId) {
      const exists = /^[0-9a-f-]{36}$/i.test(sourceId) && (await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } }));
      if (!exists) throw new DerekError("libClaims.source.gone", { field: `sources.${index}.sourceId` });
    } else if (entry.newSource) {
      const created = await tx.source.create({ data: { ...entry.newSource, createdById: options.actorId }, select: { id: true } });
      sourceId = created.id;
    }
    if (!sourceId) continue;
    if (seen.has(sourceId)) throw new DerekError("libClaims.source.twice", { field: `sources.${index}.sourceId` });
    seen.add(sourceId);
    await tx.claimSource.create({
      data: { claimId: options.claimId, sourceId, stance: entry.stance, passage: entry.passage, note: entry.note },
    });
  }
}
