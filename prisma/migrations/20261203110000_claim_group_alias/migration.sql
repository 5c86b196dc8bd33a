-- A group merged into another is gone, but links to it (bookmarks, messages, exported notes) must
-- still lead to its claims: each merged-away id points at the group its claims went to. When that
-- group is merged on in turn, its aliases are moved along, so one lookup answers; when it is
-- dissolved, its aliases go with it (its claims are in no group any more).

-- CreateTable
CREATE TABLE "ClaimGroupAlias" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "mergedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimGroupAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimGroupAlias_groupId_idx" ON "ClaimGroupAlias"("groupId");

-- AddForeignKey
ALTER TABLE "ClaimGroupAlias" ADD CONSTRAINT "ClaimGroupAlias_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ClaimGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Merges made before this table existed are in the audit trail ("group.merge" on the merged-away
-- group, after.mergedInto): follow each chain of merges to the group that holds the claims now.
WITH RECURSIVE merges AS (
    SELECT DISTINCT ON ("entityId") "entityId"::uuid AS old, ("after"->>'mergedInto')::uuid AS new, "createdAt"
    FROM "AuditEvent"
    WHERE "action" = 'group.merge' AND "entityType" = 'ClaimGroup' AND "after" ? 'mergedInto'
    ORDER BY "entityId", "id" DESC
), chain AS (
    SELECT old, new AS target, "createdAt", 1 AS depth FROM merges
    UNION ALL
    SELECT chain.old, merges.new, chain."createdAt", chain.depth + 1
    FROM chain JOIN merges ON merges.old = chain.target
    WHERE chain.depth < 1000
)
INSERT INTO "ClaimGroupAlias" ("id", "groupId", "mergedAt")
SELECT DISTINCT ON (chain.old) chain.old, chain.target, chain."createdAt"
FROM chain JOIN "ClaimGroup" g ON g.id = chain.target
WHERE NOT EXISTS (SELECT 1 FROM "ClaimGroup" gone WHERE gone.id = chain.old)
ORDER BY chain.old, chain.depth DESC;
