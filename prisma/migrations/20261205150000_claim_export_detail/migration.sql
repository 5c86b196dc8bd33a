-- What an export writes about a claim besides the claim's own columns: its sources and its latest
-- approval, kept flat for lib/export/export-rows.ts. Reading them per claim was most of the
-- database's work for an export (100,000 claims: about 1.5 s for the sources' lookups and 0.6 s
-- for the approvals, of 3.2 s); joined from here they are one more row per claim.
--
-- Kept by the database itself, in the transaction of every write (as the claim's outlet copy of
-- migration 20261129090000_claim_outlet), so no code path can forget it however it writes: a link
-- added, changed or removed, a source edited, a review recorded. A claim without sources or
-- reviews has no row (the export reads none as "no sources, no approval"); a claim deleted for
-- good takes its row with it. The reviewer is kept by id and named when read, so a renamed
-- account needs nothing here.
CREATE TABLE "ClaimExportDetail" (
    "claimId" UUID NOT NULL,
    "sources" JSON NOT NULL DEFAULT '[]',
    "approvedAt" TIMESTAMPTZ(3),
    "approvedById" UUID,

    CONSTRAINT "ClaimExportDetail_pkey" PRIMARY KEY ("claimId")
);

ALTER TABLE "ClaimExportDetail" ADD CONSTRAINT "ClaimExportDetail_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rows of these claims, computed again from their links and reviews. The sources in the order
-- the export has always written them (when linked, then by URL); the latest APPROVED review (a
-- claim re-opened and approved again was published again then).
CREATE FUNCTION "derek_refresh_claim_export_details"(claims UUID[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ClaimExportDetail" ("claimId", "sources", "approvedAt", "approvedById")
  SELECT c."id", coalesce(linked."sources", '[]'::json), approval."createdAt", approval."reviewerId"
    FROM "Claim" c
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object(
               'url', s."url", 'title', s."title", 'publisher', s."publisher", 'kind', s."kind",
               'archivedUrl', s."archivedUrl", 'accessedAt', to_char(s."accessedAt", 'YYYY-MM-DD'),
               'stance', cs."stance", 'passage', cs."passage", 'note', cs."note")
             ORDER BY cs."createdAt", s."url", s."id") AS "sources"
        FROM "ClaimSource" cs JOIN "Source" s ON s."id" = cs."sourceId"
       WHERE cs."claimId" = c."id"
    ) linked ON TRUE
    LEFT JOIN LATERAL (
      SELECT r."createdAt", r."reviewerId" FROM "Review" r
       WHERE r."claimId" = c."id" AND r."decision" = 'APPROVED'
       ORDER BY r."createdAt" DESC, r."id" DESC LIMIT 1
    ) approval ON TRUE
   WHERE c."id" = ANY(claims)
  ON CONFLICT ("claimId") DO UPDATE
    SET "sources" = EXCLUDED."sources", "approvedAt" = EXCLUDED."approvedAt", "approvedById" = EXCLUDED."approvedById"
$$;

-- Statement-level, with the changed rows as transition tables: a restore's multi-row INSERT
-- refreshes each of its claims once, not once per link.
CREATE FUNCTION "derek_claim_export_detail_follows_claim_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM "derek_refresh_claim_export_details"(ARRAY(SELECT "claimId" FROM changed UNION SELECT "claimId" FROM previous));
  ELSE
    PERFORM "derek_refresh_claim_export_details"(ARRAY(SELECT DISTINCT "claimId" FROM changed));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimSource_export_detail_insert" AFTER INSERT ON "ClaimSource"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_detail_follows_claim_rows"();
CREATE TRIGGER "ClaimSource_export_detail_update" AFTER UPDATE ON "ClaimSource"
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_detail_follows_claim_rows"();
CREATE TRIGGER "ClaimSource_export_detail_delete" AFTER DELETE ON "ClaimSource"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_detail_follows_claim_rows"();

CREATE TRIGGER "Review_export_detail_insert" AFTER INSERT ON "Review"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_detail_follows_claim_rows"();
CREATE TRIGGER "Review_export_detail_update" AFTER UPDATE ON "Review"
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_detail_follows_claim_rows"();
CREATE TRIGGER "Review_export_detail_delete" AFTER DELETE ON "Review"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_detail_follows_claim_rows"();

-- A source's own fields (its title, URL, …) are written into every claim that links it. Only a
-- change of those fields: the citation count kept on "Source" (migration 20261205110000) changes
-- with every link, and must not rewrite the rows of every claim citing a much-cited source.
CREATE FUNCTION "derek_claim_export_detail_follows_sources"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_refresh_claim_export_details"(ARRAY(
    SELECT DISTINCT cs."claimId" FROM "ClaimSource" cs WHERE cs."sourceId" IN (
      SELECT n."id" FROM changed n JOIN previous o ON o."id" = n."id"
       WHERE (n."url", n."title", n."publisher", n."kind", n."archivedUrl", n."accessedAt")
             IS DISTINCT FROM (o."url", o."title", o."publisher", o."kind", o."archivedUrl", o."accessedAt"))));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Source_export_detail_update" AFTER UPDATE ON "Source"
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_detail_follows_sources"();

-- The claims stored before this migration.
SELECT "derek_refresh_claim_export_details"(ARRAY(SELECT "claimId" FROM "ClaimSource" UNION SELECT "claimId" FROM "Review"));
