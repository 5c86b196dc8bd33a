-- The claim ledger (all claims across articles), claim groups and exports.

-- The ledger's default order: newest first, keyset on (createdAt, id).
CREATE INDEX "Claim_createdAt_id_idx" ON "Claim"("createdAt", "id");

-- The verdict filter.
CREATE INDEX "Claim_rating_idx" ON "Claim"("rating");

-- Partial-word search (ILIKE '%…%') over quote, claimant and note; pg_trgm exists since
-- 20261123100000_article_search_trigram.
CREATE INDEX "Claim_quote_trgm_idx" ON "Claim" USING GIN ("quote" gin_trgm_ops);
CREATE INDEX "Claim_claimant_trgm_idx" ON "Claim" USING GIN ("claimant" gin_trgm_ops);
CREATE INDEX "Claim_note_trgm_idx" ON "Claim" USING GIN ("note" gin_trgm_ops);

-- Whole-word and word-prefix search. The 'simple' configuration lower-cases and splits on
-- non-letters but never stems: the English and Russian stemmers would mangle Kazakh words, and
-- PostgreSQL ships no Kazakh one. Prefix queries ('сайлау:*') stand in for Kazakh suffixes.
-- lib/ledger/ledger-sql.ts repeats this expression exactly, or the planner cannot use the index.
CREATE INDEX "Claim_search_fts_idx" ON "Claim" USING GIN (
    to_tsvector('simple'::regconfig, coalesce("quote", '') || ' ' || coalesce("claimant", '') || ' ' || coalesce("note", ''))
);

-- The value-range filter: a claim's figure (its value, or its minimum and maximum) as a range, so
-- "between 100 and 200" is one overlap test the GiST index answers. Claims without a figure give
-- NULL here and are left out by the filter.
CREATE INDEX "Claim_figure_range_idx" ON "Claim" USING GIST (
    numrange(coalesce("min", "value", "max"), coalesce("max", "value", "min"), '[]')
);

-- CreateTable
CREATE TABLE "ClaimGroupExclusion" (
    "claimAId" UUID NOT NULL,
    "claimBId" UUID NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimGroupExclusion_pkey" PRIMARY KEY ("claimAId","claimBId"),
    CONSTRAINT "ClaimGroupExclusion_ordered_pair" CHECK ("claimAId" < "claimBId")
);

-- CreateIndex
CREATE INDEX "ClaimGroupExclusion_claimBId_idx" ON "ClaimGroupExclusion"("claimBId");
CREATE INDEX "ClaimGroupExclusion_createdById_idx" ON "ClaimGroupExclusion"("createdById");

-- AddForeignKey
ALTER TABLE "ClaimGroupExclusion" ADD CONSTRAINT "ClaimGroupExclusion_claimAId_fkey" FOREIGN KEY ("claimAId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimGroupExclusion" ADD CONSTRAINT "ClaimGroupExclusion_claimBId_fkey" FOREIGN KEY ("claimBId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimGroupExclusion" ADD CONSTRAINT "ClaimGroupExclusion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
