-- Each exportable claim's text in each ledger format (CSV, ClaimReview, Web Annotations), written
-- once by the formats' own TypeScript writers and kept, so that an export is a read of stored text
-- in the ledger's order (lib/export/export-lines.ts) rather than every claim rendered again.
--
-- One table per format: an export reads one format's lines, and a table of its own is scanned
-- without reading the others' text. Every claim has a row in each from its insert on; "text" is
-- NULL while the line is stale (never written, or something it shows has changed since). The
-- export renders a stale line, sends it, and writes it back on the primary only if "generation" is
-- still the one it read: a write that lands while the line is rendered bumps the generation, so a
-- line rendered from the older snapshot is never stored as fresh.
--
-- Kept stale by the database itself, in the transaction of every write (as the read model of
-- migration 20261205150000_claim_export_detail): whatever code writes a claim, its links, a
-- review, a source, the article or a user's name, no path can forget to mark the lines.
CREATE TABLE "ClaimExportCsvLine" (
    "claimId" UUID NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "text" TEXT,

    CONSTRAINT "ClaimExportCsvLine_pkey" PRIMARY KEY ("claimId")
);

CREATE TABLE "ClaimExportClaimReviewLine" (
    "claimId" UUID NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "text" TEXT,

    CONSTRAINT "ClaimExportClaimReviewLine_pkey" PRIMARY KEY ("claimId")
);

CREATE TABLE "ClaimExportAnnotationLine" (
    "claimId" UUID NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "text" TEXT,

    CONSTRAINT "ClaimExportAnnotationLine_pkey" PRIMARY KEY ("claimId")
);

ALTER TABLE "ClaimExportCsvLine" ADD CONSTRAINT "ClaimExportCsvLine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimExportClaimReviewLine" ADD CONSTRAINT "ClaimExportClaimReviewLine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimExportAnnotationLine" ADD CONSTRAINT "ClaimExportAnnotationLine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- These claims' lines, in every format, no longer show what is stored. Joined rather than matched
-- with = ANY(claims): a restore or a much-used account's rename passes tens of thousands of claims,
-- and a join hashes them once instead of comparing each row with every element.
CREATE FUNCTION "derek_claim_export_lines_stale"(claims UUID[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "ClaimExportCsvLine" l SET "generation" = l."generation" + 1, "text" = NULL
    FROM (SELECT DISTINCT unnest(claims) AS id) s WHERE l."claimId" = s.id;
  UPDATE "ClaimExportClaimReviewLine" l SET "generation" = l."generation" + 1, "text" = NULL
    FROM (SELECT DISTINCT unnest(claims) AS id) s WHERE l."claimId" = s.id;
  UPDATE "ClaimExportAnnotationLine" l SET "generation" = l."generation" + 1, "text" = NULL
    FROM (SELECT DISTINCT unnest(claims) AS id) s WHERE l."claimId" = s.id;
$$;

-- A new claim gets its (stale) rows at once: a line can only be written back over a row that
-- existed when the export read it.
CREATE FUNCTION "derek_claim_export_lines_follow_new_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ClaimExportCsvLine" ("claimId") SELECT "id" FROM changed;
  INSERT INTO "ClaimExportClaimReviewLine" ("claimId") SELECT "id" FROM changed;
  INSERT INTO "ClaimExportAnnotationLine" ("claimId") SELECT "id" FROM changed;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_export_lines_insert" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_lines_follow_new_claims"();

-- Any change of a claim: every format writes most of its columns, and CSV its updatedAt.
CREATE FUNCTION "derek_claim_export_lines_follow_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_claim_export_lines_stale"(ARRAY(SELECT "id" FROM changed));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_export_lines_update" AFTER UPDATE ON "Claim"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_lines_follow_claims"();

-- Sources and the latest approval come from the read model, which its own triggers refresh on every
-- write of a link, a review or a source: following it follows all three.
CREATE FUNCTION "derek_claim_export_lines_follow_details"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_claim_export_lines_stale"(ARRAY(SELECT "claimId" FROM changed));
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimExportDetail_export_lines_insert" AFTER INSERT ON "ClaimExportDetail"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_lines_follow_details"();
CREATE TRIGGER "ClaimExportDetail_export_lines_update" AFTER UPDATE ON "ClaimExportDetail"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_lines_follow_details"();

-- The article's fields the formats write (its text: ClaimReview's sentence, the annotations'
-- code point offsets). Only a change of those: saving an article's other columns leaves its
-- claims' lines as they are.
CREATE FUNCTION "derek_claim_export_lines_follow_articles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_claim_export_lines_stale"(ARRAY(
    SELECT c."id" FROM "Claim" c WHERE c."articleId" IN (
      SELECT n."id" FROM changed n JOIN previous o ON o."id" = n."id"
       WHERE (n."title", n."outlet", n."sourceUrl", n."publishedAt", n."language", n."bodyText")
             IS DISTINCT FROM (o."title", o."outlet", o."sourceUrl", o."publishedAt", o."language", o."bodyText"))));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Article_export_lines_update" AFTER UPDATE ON "Article"
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_lines_follow_articles"();

-- A renamed account: the claims it wrote and the claims it approved name it.
CREATE FUNCTION "derek_claim_export_lines_follow_users"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_claim_export_lines_stale"(ARRAY(
    WITH renamed AS (
      SELECT n."id" FROM changed n JOIN previous o ON o."id" = n."id" WHERE n."name" IS DISTINCT FROM o."name"
    )
    SELECT c."id" FROM "Claim" c WHERE c."authorId" IN (SELECT "id" FROM renamed)
    UNION
    SELECT d."claimId" FROM "ClaimExportDetail" d WHERE d."approvedById" IN (SELECT "id" FROM renamed)));
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_export_lines_update" AFTER UPDATE ON "User"
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_export_lines_follow_users"();

-- The claims stored before this migration: rows for all, every line stale, so the first export
-- after the upgrade renders them.
INSERT INTO "ClaimExportCsvLine" ("claimId") SELECT "id" FROM "Claim";
INSERT INTO "ClaimExportClaimReviewLine" ("claimId") SELECT "id" FROM "Claim";
INSERT INTO "ClaimExportAnnotationLine" ("claimId") SELECT "id" FROM "Claim";
