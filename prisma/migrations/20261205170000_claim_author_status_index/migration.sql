-- "My claims" (lib/claims/list-my-claims.ts) reads an editor's claims per state, most recently
-- changed first: one range of this index per state. It also answers everything the index on
-- "authorId" alone did, which goes.
DROP INDEX "Claim_authorId_idx";

CREATE INDEX "Claim_authorId_status_updatedAt_id_idx" ON "Claim"("authorId", "status", "updatedAt", "id");
