import { DerekError } from "@/lib/core/errors";
import type { Tx } from "@/lib/db/client";
import { findOrCreateSource } from "@/lib/sources/find-or-create-source";
import type { ClaimFields } from "./claim-schemas";

/**
 * Attaches sources to a claim. A new source whose address is already on file, however spelled,
 * links the stored source rather than adding a second; an unknown existing source is refused.
 */
export async function linkSources(tx: Tx, options: { actorId: string; claimId: string; sources: ClaimFields["sources"] }) {
  const seen = new Set<string>();
  for (const [index, entry] of options.sources.entries()) {
    let sourceId = entry.sourceId;
    let field = `sources.${index}.sourceId`;
    if (sourceId) {
      const exists = /^[0-9a-f-]{36}$/i.test(sourceId) && (await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } }));
      if (!exists) throw new DerekError("libClaims.source.gone", { field });
    } else if (entry.newSource) {
      sourceId = (await findOrCreateSource(tx, { actorId: options.actorId, source: entry.newSource })).source.id;
      field = `sources.${index}.newSource.url`;
    }
    if (!sourceId) continue;
    if (seen.has(sourceId)) throw new DerekError("libClaims.source.twice", { field });
    seen.add(sourceId);
    await tx.claimSource.create({
      data: { claimId: options.claimId, sourceId, stance: entry.stance, passage: entry.passage, note: entry.note },
    });
  }
}
