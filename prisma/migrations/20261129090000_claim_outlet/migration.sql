-- The ledger's outlet filter, read from an index. An outlet is the article's, but a filter on the
-- article's outlet meant reading a page of claims from each of the outlet's articles and merging
-- them: about 5,000 claims for a first page, 55 ms at p95 with a million claims. A copy of the
-- outlet on the claim, indexed in the ledger's order, gives the first page from 51 index entries.
--
-- The copy is kept by the database itself, so no code path can forget it: a claim takes its
-- article's outlet when it is written, and an article's new outlet reaches its claims in the same
-- statement. Nothing writes "Claim"."outlet" directly (a value written there is replaced).
ALTER TABLE "Claim" ADD COLUMN "outlet" TEXT;

UPDATE "Claim" c SET "outlet" = a."outlet" FROM "Article" a WHERE a."id" = c."articleId" AND a."outlet" IS NOT NULL;

CREATE FUNCTION "derek_claim_takes_article_outlet"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."outlet" := (SELECT a."outlet" FROM "Article" a WHERE a."id" = NEW."articleId");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Claim_outlet_from_article"
  BEFORE INSERT OR UPDATE OF "articleId", "outlet" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "derek_claim_takes_article_outlet"();

CREATE FUNCTION "derek_article_outlet_to_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" SET "outlet" = NEW."outlet"
   WHERE "articleId" = NEW."id" AND "outlet" IS DISTINCT FROM NEW."outlet";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Article_outlet_to_claims"
  AFTER UPDATE OF "outlet" ON "Article"
  FOR EACH ROW WHEN (OLD."outlet" IS DISTINCT FROM NEW."outlet")
  EXECUTE FUNCTION "derek_article_outlet_to_claims"();

-- Case-insensitive, as the filter is; in the ledger's default order (newest first, keyset on id).
-- lib/ledger/ledger-sql.ts repeats the expression lower("outlet") exactly.
CREATE INDEX "Claim_outlet_order_idx" ON "Claim" (lower("outlet"), "createdAt", "id");
