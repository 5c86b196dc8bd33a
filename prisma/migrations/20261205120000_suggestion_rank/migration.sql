-- What the suggester adds to each figure it proposes: the claimant named in reported speech and
-- how likely a fact-checker is to tag it (lib/extract/ranking.ts), which decides whether the
-- workbench lists it first or under "Show all". A NULL score marks a row stored before ranking;
-- backfillSuggestions reads its article again and fills both columns in.
ALTER TABLE "ClaimSuggestion" ADD COLUMN "claimant" TEXT;
ALTER TABLE "ClaimSuggestion" ADD COLUMN "score" INTEGER;
