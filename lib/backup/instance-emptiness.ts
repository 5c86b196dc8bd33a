import { db, type Tx } from "@/lib/db/client";
import { InstanceNotEmptyError, type InstanceWork } from "./restore-errors";

/**
 * A backup is restored only into an empty instance: one that holds what a fresh start stores and
 * nothing anyone made since. Precisely:
 * - no claim (a deleted one counts too), hence no review, comment or pair of claims kept apart,
 *   which all hang on claims;
 * - no source and no claim group;
 * - no article but untouched seed articles. A seed article is one Derek imported itself at
 *   start-up (no user created it); it is untouched while it is still at its first revision with
 *   no other revision stored, has no claim, no dismissed suggestion, and no audit event but its
 *   import (so its details were never edited).
 * Accounts do not count: the demo accounts and the admin who restores are there on any instance,
 * and the file's accounts are matched to them by email. Claim sets and API tokens are no
 * newsroom work a backup carries, and do not count either.
 *
 * Restoring into anything else would mix the file's claims and reviews with the instance's own,
 * where a forged file could pass for work done here.
 */
export async function findInstanceWork(tx: Tx): Promise<InstanceWork> {
  const [row] = await tx.$queryRaw<{ claims: number; sources: number; groups: number; articles: number }[]>`
    SELECT (SELECT count(*) FROM "Claim")::int AS claims,
           (SELECT count(*) FROM "Source")::int AS sources,
           (SELECT count(*) FROM "ClaimGroup")::int AS groups,
           (SELECT count(*) FROM "Article" a
             WHERE NOT (a."createdById" IS NULL AND a.revision = 1
                    AND NOT EXISTS (SELECT 1 FROM "ArticleRevision" r WHERE r."articleId" = a.id AND r.revision <> 1)
                    AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."articleId" = a.id)
                    AND NOT EXISTS (SELECT 1 FROM "ClaimSuggestion" s WHERE s."articleId" = a.id AND s."dismissedAt" IS NOT NULL)
                    AND NOT EXISTS (SELECT 1 FROM "AuditEvent" e
                                     WHERE e."entityType" = 'Article' AND e."entityId" = a.id::text AND e.action <> 'article.create')))::int AS articles`;
  return row;
}

/** The same, outside any restore: for the restore page and the route's early refusal. */
export function currentInstanceWork(): Promise<InstanceWork> {
  return db.$transaction((tx) => findInstanceWork(tx));
}

export function isEmptyInstance(work: InstanceWork): boolean {
  return work.claims === 0 && work.sources === 0 && work.groups === 0 && work.articles === 0;
}

/** Throws InstanceNotEmptyError, naming what was found, unless the instance is empty. */
export async function refuseUnlessEmpty(tx: Tx): Promise<void> {
  const work = await findInstanceWork(tx);
  if (!isEmptyInstance(work)) throw new InstanceNotEmptyError(work);
}
