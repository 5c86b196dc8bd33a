-- The review queue reads, for every claim awaiting review, the time of its latest queueing audit
-- event (claim.submit, claim.reopen or claim.dispute). With the key extended by id (newest first),
-- action and createdAt, each lookup is one index-only descent that stops at the first matching
-- entry, instead of reading every event of the claim from the heap. It also serves everything the
-- (entityType, entityId) index served (a claim's history, the latest event after a conflict), which
-- it replaces.

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_id_action_createdAt_idx" ON "AuditEvent"("entityType", "entityId", "id" DESC, "action", "createdAt");

-- DropIndex
DROP INDEX "AuditEvent_entityType_entityId_idx";
