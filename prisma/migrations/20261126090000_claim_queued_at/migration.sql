-- Claim."queuedAt": when the claim last entered the review queue (submitted, re-opened or
-- disputed); NULL while it is not awaiting review. The queue sorts by it, oldest first, and with the
-- (status, "queuedAt", id) index it reads the first page straight from the index instead of looking
-- up the latest queueing audit event of every waiting claim and sorting them all.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "queuedAt" TIMESTAMPTZ(3);

-- Backfill: the latest claim.submit / claim.reopen / claim.dispute event of each claim awaiting
-- review (what the queue used to compute on every read), else its last change.
UPDATE "Claim" c
SET "queuedAt" = COALESCE(
    (SELECT e."createdAt" FROM "AuditEvent" e
     WHERE e."entityType" = 'Claim' AND e."entityId" = c.id::text
       AND e.action IN ('claim.submit', 'claim.reopen', 'claim.dispute')
     ORDER BY e.id DESC LIMIT 1),
    c."updatedAt")
WHERE c.status IN ('SUBMITTED', 'DISPUTED');

-- CreateIndex
CREATE INDEX "Claim_status_queuedAt_id_idx" ON "Claim"("status", "queuedAt", "id");

-- The application sets "queuedAt" in the same UPDATE that puts a claim in the queue. This is the
-- safety net for any writer that does not (a hand-written query, a bulk import, test data): a claim
-- awaiting review never has a NULL "queuedAt", which the queue's keyset order relies on. An
-- inserted row waits from its last change, an updated one from now.
CREATE FUNCTION derek_claim_fill_queued_at() RETURNS trigger AS $$
BEGIN
    NEW."queuedAt" := CASE WHEN TG_OP = 'INSERT' THEN COALESCE(NEW."updatedAt", now()) ELSE now() END;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Claim_fill_queued_at"
    BEFORE INSERT OR UPDATE ON "Claim"
    FOR EACH ROW
    WHEN (NEW.status IN ('SUBMITTED', 'DISPUTED') AND NEW."queuedAt" IS NULL)
    EXECUTE FUNCTION derek_claim_fill_queued_at();
