/**
 * Test data for bench/review.ts, made in SQL so 100,000 claims take seconds: users, articles (the
 * seed texts), claims with a status mix and a year of history, the audit events and reviews that
 * history would have left, then VACUUM ANALYZE (as autovacuum would have by then).
 *
 * Deterministic: `setseed` fixes every random() of the session, and ids are uuidv7 stamped with the
 * row's own creation time, as the app's ids would be.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { contentHash } from "@/lib/articles/content-hash";
import { plainTextToDoc } from "@/lib/document/plain-text";
import { SEED_TEXTS_DIR } from "../../tests/support/paths";

export interface ReviewDataShape {
  articles: number;
  editors: number;
  reviewers: number;
  claims: number;
}

/** Share of claims per status (cumulative order matters only for generation). */
export const STATUS_MIX = [
  ["DRAFT", 0.5],
  ["SUBMITTED", 0.2],
  ["DISPUTED", 0.05],
  ["VERIFIED", 0.2],
  ["RETURNED", 0.05],
] as const;

/** Newsroom-like category weights: money and detentions dominate, turnout is seasonal. */
export const CATEGORY_MIX = [
  ["DETENTION_COUNT", 0.15],
  ["VOTE_SHARE", 0.08],
  ["TURNOUT", 0.05],
  ["SEAT_COUNT", 0.04],
  ["SENTENCE_LENGTH", 0.1],
  ["CASUALTIES", 0.1],
  ["MONEY", 0.23],
  ["DATE", 0.1],
  ["OTHER", 0.15],
] as const;

/** Of the claims awaiting review, the share an admin assigned to a reviewer. */
export const ASSIGNED_SHARE = 0.01;
/** Of the SUBMITTED claims, the share that were returned once and submitted again. */
export const RESUBMITTED_SHARE = 0.15;
/** Of all claims, the share edited once after creation (one more audit event each). */
export const EDITED_SHARE = 0.4;

function cumulativeCase(column: string, mix: readonly (readonly [string, number])[], type: string): string {
  let acc = 0;
  const arms = mix.slice(0, -1).map(([name, share]) => {
    acc += share;
    return `WHEN ${column} < ${acc.toFixed(4)} THEN '${name}'::"${type}"`;
  });
  return `CASE ${arms.join(" ")} ELSE '${mix.at(-1)![0]}'::"${type}" END`;
}

function seedTexts(): string[] {
  return readdirSync(SEED_TEXTS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(path.join(SEED_TEXTS_DIR, f), "utf8").replace(/\n+$/, ""));
}

/** Claim columns an audit snapshot records (CLAIM_AUDIT_FIELDS + assigneeId), as JSON. */
const SNAPSHOT = (status: string, version: string, rating = "NULL") => `jsonb_build_object(
  'id', c.id, 'articleId', c.article_id, 'start', c.s, 'end', c.s + c.len, 'quote', c.quote,
  'category', c.category, 'value', c.value::text, 'min', NULL, 'max', NULL, 'unit', c.unit,
  'qualifier', 'EXACT', 'claimant', NULL, 'eventDate', NULL, 'note', NULL, 'status', ${status},
  'rating', ${rating}, 'anchorStatus', 'ANCHORED', 'version', ${version}, 'authorId', c.author_id,
  'deletedAt', NULL, 'assigneeId', NULL)`;

export async function generateReviewData(databaseUrl: string, shape: ReviewDataShape, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const result = await client.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  try {
    await client.query("SELECT setseed(0.2026)");
    // The bcrypt hash of nothing anyone types; nobody signs in here.
    const hash = "$2b$10$benchbenchbenchbenchbeuT0yDJ3NQ0WfYbCkqVtM3S7Zx6h9m4xa";
    await q(
      "users",
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
       SELECT uuidv7(-interval '400 days'), kind || i || '@bench.local', label || ' ' || i, $1, role::"Role",
              now() - interval '400 days', now() - interval '400 days'
       FROM (VALUES ('editor', 'Редактор', 'EDITOR', $2::int), ('reviewer', 'Тексеруші', 'REVIEWER', $3::int), ('admin', 'Әкімші', 'ADMIN', 1)) k(kind, label, role, n),
            generate_series(1, n) i`,
      [hash, shape.editors, shape.reviewers],
    );

    const texts = seedTexts();
    const bodies: string[] = [];
    const titles: string[] = [];
    for (let i = 0; i < shape.articles; i++) {
      const text = `${texts[i % texts.length]}\n(${i + 1})`;
      bodies.push(text);
      titles.push(`${text.split("\n")[0].slice(0, 80)} — ${i + 1}`);
    }
    await q(
      "articles",
      `INSERT INTO "Article" (id, title, outlet, "bodyJson", "bodyText", "contentHash", "createdById", "createdAt", "updatedAt")
       SELECT uuidv7(-age), t.title, (ARRAY['Azattyq', 'Kazinform', 'Tengrinews', 'Kursiv', 'Vlast'])[1 + t.n % 5], t.doc, t.body, t.hash,
              (SELECT id FROM "User" WHERE role = 'EDITOR' ORDER BY email LIMIT 1 OFFSET t.n % $5::int), now() - age, now() - age
       FROM (SELECT *, interval '370 days' * (1 - n::float8 / $6::int) AS age
             FROM unnest($1::text[], $2::jsonb[], $3::text[], $4::text[]) WITH ORDINALITY u(title, doc, body, hash, n)) t`,
      [titles, bodies.map((b) => JSON.stringify(plainTextToDoc(b))), bodies, bodies.map(contentHash), shape.editors, shape.articles],
    );

    // One row per claim with all its random draws, then the derived history.
    await q(
      "claim plan",
      `CREATE TEMP TABLE plan AS
       WITH pools AS (
         SELECT (SELECT array_agg(id ORDER BY "createdAt", id) FROM "Article") AS arts,
                (SELECT array_agg(id ORDER BY email) FROM "User" WHERE role IN ('EDITOR', 'ADMIN')) AS authors,
                (SELECT array_agg(id ORDER BY email) FROM "User" WHERE role = 'REVIEWER') AS reviewers
       ), draws AS (
         SELECT i, random() AS r_age, random() AS r_status, random() AS r_cat, random() AS r_art, random() AS r_author,
                random() AS r_sub, random() AS r_dec, random() AS r_assign, random() AS r_resub, random() AS r_edit,
                random() AS r_rev, random() AS r_rating, random() AS r_pos, random() AS r_len, random() AS r_val
         FROM generate_series(1, $1::int) i
       ), shaped AS (
         SELECT d.*, interval '365 days' * d.r_age AS age,
                ${cumulativeCase("d.r_status", STATUS_MIX, "ClaimStatus")} AS status,
                ${cumulativeCase("d.r_cat", CATEGORY_MIX, "ClaimCategory")} AS category,
                p.arts[1 + floor(d.r_art * array_length(p.arts, 1))::int] AS article_id,
                p.authors[1 + floor(d.r_author * array_length(p.authors, 1))::int] AS author_id,
                p.reviewers[1 + floor(d.r_rev * array_length(p.reviewers, 1))::int] AS reviewer_id,
                p.reviewers[1 + floor(d.r_assign / ${ASSIGNED_SHARE} * array_length(p.reviewers, 1))::int] AS maybe_assignee
         FROM draws d, pools p
       )
       SELECT s.*, now() - s.age AS created,
              -- submitted within the first tenth of the claim's life, decided within the next third
              now() - s.age * (1 - 0.1 * s.r_sub) AS submitted,
              now() - s.age * (1 - 0.1 * s.r_sub) * (1 - 0.3 * s.r_dec) AS decided,
              s.status = 'SUBMITTED' AND s.r_resub < ${RESUBMITTED_SHARE} AS resubmitted,
              s.r_edit < ${EDITED_SHARE} AS edited,
              CASE WHEN s.status IN ('SUBMITTED', 'DISPUTED') AND s.r_assign < ${ASSIGNED_SHARE} THEN s.maybe_assignee END AS assignee_id
       FROM shaped s`,
      [shape.claims],
    );
    await q(
      "claims",
      `CREATE TEMP TABLE c AS
       SELECT uuidv7(-p.age) AS id, p.*, a.len_text,
              floor(p.r_pos * greatest(1, a.len_text - 40))::int AS s, 4 + floor(p.r_len * 24)::int AS len,
              substr(a."bodyText", 1 + floor(p.r_pos * greatest(1, a.len_text - 40))::int, 4 + floor(p.r_len * 24)::int) AS quote,
              round((p.r_val * 100000)::numeric, 0) AS value,
              CASE WHEN p.category IN ('DETENTION_COUNT', 'CASUALTIES') THEN 'person' WHEN p.category = 'MONEY' THEN 'KZT'
                   WHEN p.category IN ('VOTE_SHARE', 'TURNOUT') THEN 'percent' END AS unit,
              CASE p.status WHEN 'VERIFIED' THEN (ARRAY['TRUE', 'TRUE', 'MOSTLY_TRUE', 'MISLEADING', 'FALSE', 'UNVERIFIABLE'])[1 + floor(p.r_rating * 6)::int] END AS rating,
              -- versions: create 1, edit +1, submit +1, return +1, resubmit +1, decision +1
              1 + p.edited::int + (p.status <> 'DRAFT')::int + 2 * p.resubmitted::int + (p.status IN ('VERIFIED', 'RETURNED', 'DISPUTED'))::int AS version
       FROM plan p JOIN (SELECT id, "bodyText", length("bodyText") AS len_text FROM "Article") a ON a.id = p.article_id`,
    );
    await q(
      "Claim",
      `INSERT INTO "Claim" (id, "articleId", start, "end", quote, prefix, suffix, category, value, unit, status, rating, version,
                            "authorId", "assigneeId", "createdAt", "updatedAt")
       SELECT c.id, c.article_id, c.s, c.s + c.len, c.quote, '', '', c.category, c.value, c.unit, c.status, c.rating::"Rating", c.version,
              c.author_id, c.assignee_id, c.created,
              CASE WHEN c.status IN ('VERIFIED', 'RETURNED', 'DISPUTED') OR c.resubmitted THEN c.decided
                   WHEN c.status = 'SUBMITTED' THEN c.submitted ELSE c.created + (c.submitted - c.created) * c.edited::int END
       FROM c ORDER BY c.created`,
    );

    // The audit trail the app would have written, in time order (AuditEvent.id follows time).
    await q(
      "event plan",
      `CREATE TEMP TABLE ev AS
       SELECT c.created AS at, c.author_id AS actor, 'claim.create' AS action, c.id, NULL::jsonb AS before, ${SNAPSHOT("'DRAFT'", "1")} AS after FROM c
       UNION ALL
       SELECT c.created + (c.submitted - c.created) / 2, c.author_id, 'claim.update', c.id, ${SNAPSHOT("'DRAFT'", "1")}, ${SNAPSHOT("'DRAFT'", "2")} FROM c WHERE c.edited
       UNION ALL
       SELECT c.submitted, c.author_id, 'claim.submit', c.id, ${SNAPSHOT("'DRAFT'", "1 + c.edited::int")}, ${SNAPSHOT("'SUBMITTED'", "2 + c.edited::int")} FROM c WHERE c.status <> 'DRAFT'
       UNION ALL
       -- a returned-and-resubmitted claim: returned halfway, submitted again at "decided"
       SELECT c.submitted + (c.decided - c.submitted) / 2, c.reviewer_id, 'claim.return', c.id, ${SNAPSHOT("'SUBMITTED'", "2 + c.edited::int")}, ${SNAPSHOT("'RETURNED'", "3 + c.edited::int")} FROM c WHERE c.resubmitted
       UNION ALL
       SELECT c.decided, c.author_id, 'claim.submit', c.id, ${SNAPSHOT("'RETURNED'", "3 + c.edited::int")}, ${SNAPSHOT("'SUBMITTED'", "4 + c.edited::int")} FROM c WHERE c.resubmitted
       UNION ALL
       SELECT c.decided, c.reviewer_id,
              CASE c.status WHEN 'VERIFIED' THEN 'claim.approve' WHEN 'RETURNED' THEN 'claim.return' ELSE 'claim.dispute' END, c.id,
              ${SNAPSHOT("'SUBMITTED'", "c.version - 1")}, ${SNAPSHOT("c.status", "c.version", "c.rating")}
       FROM c WHERE c.status IN ('VERIFIED', 'RETURNED', 'DISPUTED')`,
    );
    await q(
      "AuditEvent",
      `INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", before, after, "createdAt")
       SELECT actor, action, 'Claim', id::text, before, after, at FROM ev ORDER BY at, action`,
    );
    await q(
      "Review",
      `INSERT INTO "Review" (id, "claimId", "reviewerId", decision, rating, comment, "createdAt")
       SELECT uuidv7(ev.at - now()), ev.id, ev.actor,
              CASE ev.action WHEN 'claim.approve' THEN 'APPROVED' WHEN 'claim.return' THEN 'RETURNED' ELSE 'DISPUTED' END::"ReviewDecision",
              (ev.after->>'rating')::"Rating",
              CASE WHEN ev.action <> 'claim.approve' THEN 'Дереккөзді тексеріңіз: сан басқа.' END, ev.at
       FROM ev WHERE ev.action IN ('claim.approve', 'claim.return', 'claim.dispute') ORDER BY ev.at`,
    );
    await client.query("DROP TABLE plan, c, ev");
    await q("VACUUM ANALYZE", "VACUUM (ANALYZE)");
  } finally {
    await client.end();
  }
}
