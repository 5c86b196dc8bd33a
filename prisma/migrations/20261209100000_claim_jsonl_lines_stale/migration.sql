-- The stale JSON Lines lines, found without reading the stored text: an export renders them first
-- and then sends the whole file in one COPY (lib/backup/jsonl-format.ts). Partial, as the other
-- formats' (migration 20261207100000_claim_export_lines_stale), with the generation a write-back
-- is checked against.
CREATE INDEX "ClaimJsonlLine_stale_idx" ON "ClaimJsonlLine" ("claimId") INCLUDE ("generation") WHERE "text" IS NULL;
