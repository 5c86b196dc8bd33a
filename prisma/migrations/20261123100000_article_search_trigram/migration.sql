-- The article list searches title and body with ILIKE '%…%', which no b-tree index can serve.
-- Trigram GIN indexes can, for patterns of three or more characters. pg_trgm is a trusted
-- extension (PostgreSQL 13+): the database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Article_title_trgm_idx" ON "Article" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Article_bodyText_trgm_idx" ON "Article" USING GIN ("bodyText" gin_trgm_ops);
