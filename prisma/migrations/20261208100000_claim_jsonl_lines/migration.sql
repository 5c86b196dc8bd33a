-- Each claim's lines in the JSON Lines file (the claim's record with its links, then its reviews'
-- and comments' records), as PostgreSQL renders them for the writer (lib/backup/claim-lines-sql.ts),
-- kept so that an export or a backup sends stored text instead of rendering every claim again
-- (lib/backup/jsonl-format.ts). Beside the text, what the writer needs to put the records the
-- lines name before them: the linked sources' ids and the ids of the users the reviews, comments
-- and mentions name (comma-separated), and how many reviews and comments the text holds.
--
-- As for the other formats' lines (migration 20261206300000_claim_export_lines): every claim has a
-- row from its insert on; "text" is NULL while stale; a rendered line is written back only over
-- the generation it was read at, and every write of what it shows bumps the generation, in the
-- transaction of that write. The lines name users, sources, the article and the group by id only,
-- so only writes of the claim, its links, reviews, comments and mentions make them stale.
CREATE TABLE "ClaimJsonlLine" (
    "claimId" UUID NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "text" TEXT,
    "sourceIds" TEXT,
    "userIds" TEXT,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClaimJsonlLine_pkey" PRIMARY KEY ("claimId")
);

ALTER TABLE "ClaimJsonlLine" ADD CONSTRAINT "ClaimJsonlLine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "derek_claim_jsonl_lines_stale"(claims UUID[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "ClaimJsonlLine" l SET "generation" = l."generation" + 1, "text" = NULL, "sourceIds" = NULL, "userIds" = NULL, "reviews" = 0, "comments" = 0
    FROM (SELECT DISTINCT unnest(claims) AS id) s WHERE l."claimId" = s.id;
$$;

CREATE FUNCTION "derek_claim_jsonl_lines_follow_new_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ClaimJsonlLine" ("claimId") SELECT "id" FROM changed;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_jsonl_lines_insert" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_new_claims"();

CREATE FUNCTION "derek_claim_jsonl_lines_follow_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_claim_jsonl_lines_stale"(ARRAY(SELECT "id" FROM changed));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_jsonl_lines_update" AFTER UPDATE ON "Claim"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_claims"();

-- Links, reviews and comments name their claim. A transition table belongs to one event, so each
-- table has a trigger per event, all calling this function on the rows written ("changed").
CREATE FUNCTION "derek_claim_jsonl_lines_follow_children"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_claim_jsonl_lines_stale"(ARRAY(SELECT "claimId" FROM changed));
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimSource_jsonl_lines_insert" AFTER INSERT ON "ClaimSource"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_children"();
CREATE TRIGGER "ClaimSource_jsonl_lines_update" AFTER UPDATE ON "ClaimSource"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_children"();
CREATE TRIGGER "ClaimSource_jsonl_lines_delete" AFTER DELETE ON "ClaimSource"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_children"();

CREATE TRIGGER "Review_jsonl_lines_insert" AFTER INSERT ON "Review"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_children"();
CREATE TRIGGER "Review_jsonl_lines_update" AFTER UPDATE ON "Review"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_children"();
CREATE TRIGGER "Review_jsonl_lines_delete" AFTER DELETE ON "Review"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_children"();

CREATE TRIGGER "Comment_jsonl_lines_insert" AFTER INSERT ON "Comment"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_children"();
CREATE TRIGGER "Comment_jsonl_lines_update" AFTER UPDATE ON "Comment"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_children"();
CREATE TRIGGER "Comment_jsonl_lines_delete" AFTER DELETE ON "Comment"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_children"();

-- A mention (and when it was read) is written inside its comment's record.
CREATE FUNCTION "derek_claim_jsonl_lines_follow_mentions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_claim_jsonl_lines_stale"(ARRAY(
    SELECT m."claimId" FROM "Comment" m WHERE m."id" IN (SELECT "commentId" FROM changed)));
  RETURN NULL;
END
$$;

CREATE TRIGGER "CommentMention_jsonl_lines_insert" AFTER INSERT ON "CommentMention"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_mentions"();
CREATE TRIGGER "CommentMention_jsonl_lines_update" AFTER UPDATE ON "CommentMention"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_mentions"();
CREATE TRIGGER "CommentMention_jsonl_lines_delete" AFTER DELETE ON "CommentMention"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_claim_jsonl_lines_follow_mentions"();

-- The claims stored before this migration: a row each, stale until the first export renders it.
INSERT INTO "ClaimJsonlLine" ("claimId") SELECT "id" FROM "Claim";
