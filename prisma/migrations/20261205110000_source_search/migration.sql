-- The claim form finds a source by typing part of its address, title or publisher, most cited
-- first, and a new source whose address is one already stored (lib/sources/normalise-url.ts)
-- reuses that source.

-- "urlKey": the address as lib/sources/normalise-url.ts reads it, written by the app for every new
-- source and by a restore (a row inserted around them, as benchmarks do, has none and is simply
-- never reused). The index on it is NOT unique, on purpose: sources stored twice before
-- today stay two rows. Merging them here would re-point their claims' links (a claim citing both
-- copies would lose one link's stance and passage) and leave the append-only audit trail and
-- earlier backups naming source ids that no longer exist. Two editors adding the same address at
-- once still end with one source: lib/sources/find-or-create-source.ts takes a transaction lock
-- on the key before it looks.
ALTER TABLE "Source" ADD COLUMN "urlKey" TEXT;

-- "citationCount" and "lastCitedAt": how many claims cite the source and when one last did, kept
-- by a trigger on ClaimSource, so every way a link is made or removed (the claim form, a restore,
-- a claim removed with its links) counts, and the search orders by use without counting links
-- for every keystroke. A source nobody cites yet was last "cited" when it was added.
ALTER TABLE "Source" ADD COLUMN "citationCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Source" ADD COLUMN "lastCitedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

UPDATE "Source" SET "lastCitedAt" = "createdAt";
UPDATE "Source" s SET "citationCount" = l.n, "lastCitedAt" = greatest(s."createdAt", l.last)
  FROM (SELECT "sourceId", count(*)::int AS n, max("createdAt") AS last FROM "ClaimSource" GROUP BY "sourceId") l
 WHERE l."sourceId" = s.id;

-- The key of the sources already stored. This reads the common forms exactly as
-- normalise-url.ts does (scheme, case of the host, "www.", ports 80 and 443, user name, fragment,
-- trailing slashes, tracking parameters, order of parameters); an address that only the URL
-- parser reads the same (a host in Cyrillic, escapes in lower case, ".." segments) keeps a key of
-- its own, so it may be stored once more, never merged wrongly.
CREATE FUNCTION pg_temp.source_url_key(raw TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  parts TEXT[] := regexp_match(btrim(raw), '^https?://(?:[^@/?#]*@)?(\[[^\]]*\]|[^/?#:]*)(?::([0-9]*))?([^?#]*)(?:\?([^#]*))?', 'i');
  host TEXT;
  port TEXT;
  query TEXT;
BEGIN
  IF parts IS NULL THEN
    RETURN btrim(raw);
  END IF;
  host := regexp_replace(regexp_replace(lower(parts[1]), '\.$', ''), '^www\.', '');
  port := CASE WHEN coalesce(parts[2], '') IN ('', '80', '443') THEN '' ELSE ':' || parts[2] END;
  SELECT string_agg(CASE WHEN piece LIKE '%=%' THEN piece ELSE piece || '=' END, '&' ORDER BY split_part(piece, '=', 1) COLLATE "C", n)
    INTO query
    FROM unnest(string_to_array(coalesce(parts[4], ''), '&')) WITH ORDINALITY AS p(piece, n)
   WHERE piece <> '' AND split_part(piece, '=', 1) !~* '^(utm_.*|fbclid|gclid|yclid|ysclid)$';
  RETURN host || port || regexp_replace(parts[3], '/+$', '') || coalesce('?' || query, '');
END;
$$;

UPDATE "Source" SET "urlKey" = pg_temp.source_url_key(url);

-- Statement-level, with the changed links as a transition table: a restore's or a bulk insert's
-- thousands of links to one source are one UPDATE of that source, not one per link (each of which
-- would also wake the triggers on "Source").
CREATE FUNCTION "count_source_citations"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Source" s SET "citationCount" = s."citationCount" + l.n, "lastCitedAt" = greatest(s."lastCitedAt", l.last)
      FROM (SELECT "sourceId", count(*)::int AS n, max("createdAt") AS last FROM changed GROUP BY "sourceId") l
     WHERE s.id = l."sourceId";
  ELSE
    UPDATE "Source" s SET "citationCount" = s."citationCount" - l.n
      FROM (SELECT "sourceId", count(*)::int AS n FROM changed GROUP BY "sourceId") l
     WHERE s.id = l."sourceId";
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ClaimSource_count_citations_insert"
  AFTER INSERT ON "ClaimSource"
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "count_source_citations"();
CREATE TRIGGER "ClaimSource_count_citations_delete"
  AFTER DELETE ON "ClaimSource"
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "count_source_citations"();

-- CreateIndex
CREATE INDEX "Source_urlKey_idx" ON "Source"("urlKey");

-- CreateIndex
CREATE INDEX "Source_citationCount_lastCitedAt_id_idx" ON "Source"("citationCount", "lastCitedAt", "id");

-- The search's ILIKE '%…%' over address, title and publisher (pg_trgm: migration 20261123100000).
-- CreateIndex
CREATE INDEX "Source_url_trgm_idx" ON "Source" USING GIN ("url" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Source_title_trgm_idx" ON "Source" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Source_publisher_trgm_idx" ON "Source" USING GIN ("publisher" gin_trgm_ops);
