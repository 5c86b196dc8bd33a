-- The ledger filtered by article, newest first: with an index on "articleId" alone PostgreSQL walks
-- "Claim_createdAt_id_idx" from the newest claim and filters, which for an older article reads
-- most of the table (claims are tagged in the weeks after their article). Keyed by article and
-- then the ledger's order, the first page is read straight from the index. It serves every lookup
-- by article the old index did.
DROP INDEX "Claim_articleId_idx";
CREATE INDEX "Claim_articleId_createdAt_id_idx" ON "Claim"("articleId", "createdAt", "id");
