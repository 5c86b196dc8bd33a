-- A reviewer an admin has asked to decide a claim: the claim leads that reviewer's queue. A
-- routing hint, not a lock: any other eligible reviewer may still decide it, so a claim never
-- waits on someone who is away. Users are deactivated rather than deleted; should one ever be
-- deleted, the claim simply becomes unassigned.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "assigneeId" UUID;

-- CreateIndex
CREATE INDEX "Claim_assigneeId_idx" ON "Claim"("assigneeId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
