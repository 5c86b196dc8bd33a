-- Each article's lines in the JSON Lines file (its record, then its earlier revisions' records),
-- as the writer renders them (lib/backup/jsonl-format.ts), kept so that an export or a backup
-- sends stored text: the articles' bodies, with every revision, are most of the file, and parsing
-- and writing them again cost more than the claims. Beside the text: how many revision records it
-- holds, and the ids of the users it names (who created the article and each revision, who
-- dismissed a suggestion), comma-separated, so the writer puts those users first.
--
-- Kept as the claims' lines are (migration 20261208100000_claim_jsonl_lines): a row per article
-- from its insert on, "text" NULL while stale, written back only over the generation read. Any
-- write of the article, of its revisions, or of its suggestions (the record lists the dismissed
-- ones) makes the lines stale.
CREATE TABLE "ArticleJsonlLine" (
    "articleId" UUID NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "text" TEXT,
    "revisions" INTEGER NOT NULL DEFAULT 0,
    "userIds" TEXT,

    CONSTRAINT "ArticleJsonlLine_pkey" PRIMARY KEY ("articleId")
);

ALTER TABLE "ArticleJsonlLine" ADD CONSTRAINT "ArticleJsonlLine_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "derek_article_jsonl_lines_stale"(articles UUID[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "ArticleJsonlLine" l SET "generation" = l."generation" + 1, "text" = NULL, "revisions" = 0, "userIds" = NULL
    FROM (SELECT DISTINCT unnest(articles) AS id) s WHERE l."articleId" = s.id;
$$;

CREATE FUNCTION "derek_article_jsonl_lines_follow_new_articles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ArticleJsonlLine" ("articleId") SELECT "id" FROM changed;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Article_jsonl_lines_insert" AFTER INSERT ON "Article"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_article_jsonl_lines_follow_new_articles"();

CREATE FUNCTION "derek_article_jsonl_lines_follow_articles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_article_jsonl_lines_stale"(ARRAY(SELECT "id" FROM changed));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Article_jsonl_lines_update" AFTER UPDATE ON "Article"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_article_jsonl_lines_follow_articles"();

-- Revisions and suggestions name their article; a transition table belongs to one event, so a
-- trigger per event.
CREATE FUNCTION "derek_article_jsonl_lines_follow_children"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "derek_article_jsonl_lines_stale"(ARRAY(SELECT "articleId" FROM changed));
  RETURN NULL;
END
$$;

CREATE TRIGGER "ArticleRevision_jsonl_lines_insert" AFTER INSERT ON "ArticleRevision"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_article_jsonl_lines_follow_children"();
CREATE TRIGGER "ArticleRevision_jsonl_lines_update" AFTER UPDATE ON "ArticleRevision"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_article_jsonl_lines_follow_children"();
CREATE TRIGGER "ArticleRevision_jsonl_lines_delete" AFTER DELETE ON "ArticleRevision"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_article_jsonl_lines_follow_children"();

CREATE TRIGGER "ClaimSuggestion_jsonl_lines_insert" AFTER INSERT ON "ClaimSuggestion"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_article_jsonl_lines_follow_children"();
CREATE TRIGGER "ClaimSuggestion_jsonl_lines_update" AFTER UPDATE ON "ClaimSuggestion"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_article_jsonl_lines_follow_children"();
CREATE TRIGGER "ClaimSuggestion_jsonl_lines_delete" AFTER DELETE ON "ClaimSuggestion"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "derek_article_jsonl_lines_follow_children"();

-- The articles stored before this migration: a row each, stale until the first export renders it.
INSERT INTO "ArticleJsonlLine" ("articleId") SELECT "id" FROM "Article";
