import type { SourceKind } from "@/lib/generated/prisma/enums";
import { DerekError } from "@/lib/core/errors";
import type { Db, Tx } from "@/lib/db/client";
import { normaliseUrl } from "./normalise-url";

export interface NewSource {
  url: string;
  title: string | null;
  publisher: string | null;
  kind: SourceKind;
  archivedUrl: string | null;
}

export interface SourceOnFile {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
}

export const SOURCE_ON_FILE_SELECT = { id: true, url: true, title: true, publisher: true } as const;

/**
 * The stored source with this address, however it is spelled (normalise-url.ts). Sources stored
 * twice before keys existed may share one: the most cited, then the oldest, is the one reused.
 */
export function storedSource(tx: Db | Tx, urlKey: string): Promise<SourceOnFile | null> {
  return tx.source.findFirst({
    where: { urlKey },
    orderBy: [{ citationCount: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    select: SOURCE_ON_FILE_SELECT,
  });
}

/**
 * The source for a new source's address: the stored one if its address is already on file (what
 * the form typed for title and publisher then leaves the stored source as it is, since other
 * claims cite it), else a new row. `reused` says which.
 */
export async function findOrCreateSource(tx: Tx, options: { actorId: string; source: NewSource }): Promise<{ source: SourceOnFile; reused: boolean }> {
  const urlKey = normaliseUrl(options.source.url);
  if (!urlKey) throw new DerekError("libClaims.source.url");
  // The index on urlKey is not unique (the migration says why), so two editors adding one address
  // at once are put one after the other here: the second, once the first commits, finds its row.
  // Read committed gives each statement a fresh snapshot, so the look after the lock sees it.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('derek.source-url'), hashtext(${urlKey}))::text`;
  const stored = await storedSource(tx, urlKey);
  if (stored) return { source: stored, reused: true };
  const created = await tx.source.create({ data: { ...options.source, urlKey, createdById: options.actorId }, select: SOURCE_ON_FILE_SELECT });
  return { source: created, reused: false };
}
