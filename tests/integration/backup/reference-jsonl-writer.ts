import type pg from "pg";
import type { ExportContext } from "@/lib/export/export-format";
import { readableDecimal } from "@/lib/export/readable-decimal";
import { ledgerFilterToParams, type LedgerFilter } from "@/lib/ledger/ledger-filter";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  FORMAT_VERSION,
  HEADER_TYPE,
  type BackupHeader,
  type BackupRecord,
  type BackupTrailer,
  type ClaimRecord,
  type CommentRecord,
  type RecordType,
  type ReviewRecord,
  TRAILER_COUNT_OF,
  type UserRecord,
} from "@/lib/backup/backup-records";
import {
  claimsWhere,
  cursorBatches,
  exclusionRecord,
  exclusionsQuery,
  iso,
  loadArticles,
  loadGroups,
  loadSources,
  UNUSED_QUERIES,
  type ExclusionRow,
  type Scope,
} from "@/lib/backup/jsonl-records";

/** Claims fetched per round trip; their reviews and comments come in the same rows. */
const CLAIM_BATCH = 200;
/**
 * Articles loaded per query. An article travels with every earlier revision of its body, so this
 * is what bounds the writer's memory for long, often-edited articles.
 */
const ARTICLE_BATCH = 10;
/** Rows per fetch for the smaller records (ids of unused articles, sources, groups, exclusion pairs). */
const ROW_BATCH = 500;

const line = (record: object) => `${JSON.stringify(record)}\n`;

export async function* writeReferenceJsonl(context: ExportContext, scope: Scope): AsyncGenerator<string> {
  const { client } = context;
  const filter: LedgerFilter = scope === "everything" ? {} : context.filter;
  // The transaction's start: the moment of the snapshot every row below is read from.
  const { rows } = await client.query<{ now: Date }>("SELECT now() AS now");
  const header: BackupHeader = {
    type: HEADER_TYPE,
    version: FORMAT_VERSION,
    exportedAt: rows[0].now.toISOString(),
    filter: ledgerFilterToParams(filter),
    complete: scope === "everything",
  };
  yield line(header);

  const written = new Written();
  for await (const claims of cursorBatches<ClaimRow>(client, "derek_jsonl_claims", claimsQuery(scope, filter), CLAIM_BATCH)) {
    yield* referencedRecords(client, written, {
      articles: claims.map((c) => c.articleId),
      sources: claims.flatMap((c) => c.sources.map((s) => s.sourceId)),
      groups: claims.flatMap((c) => (c.groupId ? [c.groupId] : [])),
      users: claims.flatMap((c) => [c.authorId, c.assigneeId, ...c.reviews.map((r) => r.reviewerId), ...c.comments.flatMap((m) => [m.authorId, ...m.mentions.map((n) => n.userId)])]),
    });
    for (const claim of claims) {
      yield written.record("claim", claimRecord(claim));
      context.onClaim();
      for (const review of claim.reviews) yield written.record("review", reviewRecord(claim.id, review));
      for (const comment of claim.comments) yield written.record("comment", commentRecord(claim.id, comment));
    }
  }

  if (scope === "everything") {
    // The same snapshot, so "used by no claim" is exactly "not written yet".
    for (const query of UNUSED_QUERIES) {
      for await (const batch of cursorBatches<{ id: string }>(client, query.cursor, query, ROW_BATCH)) {
        yield* referencedRecords(client, written, { [query.kind]: batch.map((row) => row.id) });
      }
    }
  }

  // A pair is written once both of its claims are, which is only certain after the last claim.
  for await (const pairs of cursorBatches<ExclusionRow>(client, "derek_jsonl_exclusions", exclusionsQuery(scope, filter), ROW_BATCH)) {
    yield* referencedRecords(client, written, { users: pairs.map((p) => p.createdById) });
    for (const pair of pairs) yield written.record("exclusion", exclusionRecord(pair));
  }

  yield line(written.trailer());
}

/**
 * What has been written: ids of the records later lines refer to, so each is written once. Memory
 * grows with the distinct users, articles, sources and groups of the set (36-character ids), not
 * with the claims' reviews and comments, which nothing refers to.
 */
class Written {
  readonly users = new Set<string>();
  readonly articles = new Set<string>();
  readonly sources = new Set<string>();
  readonly groups = new Set<string>();
  private readonly counts = Object.fromEntries(Object.values(TRAILER_COUNT_OF).map((key) => [key, 0])) as Omit<BackupTrailer, "type">;

  record<T extends RecordType>(type: T, record: Extract<BackupRecord, { type: T }>): string {
    this.counts[TRAILER_COUNT_OF[type]]++;
    return line(record);
  }

  trailer(): BackupTrailer {
    return { type: "end", ...this.counts };
  }
}

interface Wanted {
  articles?: string[];
  sources?: string[];
  groups?: string[];
  users?: (string | null)[];
}

/**
 * The records the next lines refer to and that are not written yet, each after the users it
 * names: users, then articles with their revisions, then sources and groups.
 */
async function* referencedRecords(client: pg.PoolClient, written: Written, wanted: Wanted): AsyncGenerator<string> {
  const articleIds = missing(wanted.articles, written.articles);
  for (let i = 0; i < articleIds.length; i += ARTICLE_BATCH) {
    const { articles, revisions } = await loadArticles(client, articleIds.slice(i, i + ARTICLE_BATCH));
    yield* userRecords(client, written, [
      ...articles.flatMap((a) => [a.createdById, ...a.dismissedSuggestions.map((d) => d.dismissedById)]),
      ...revisions.map((r) => r.createdById),
    ]);
    for (const article of articles) {
      written.articles.add(article.id);
      yield written.record("article", article);
      for (const revision of revisions) if (revision.articleId === article.id) yield written.record("revision", revision);
    }
  }

  const sourceIds = missing(wanted.sources, written.sources);
  if (sourceIds.length > 0) {
    const sources = await loadSources(client, sourceIds);
    yield* userRecords(client, written, sources.map((s) => s.createdById));
    for (const source of sources) {
      written.sources.add(source.id);
      yield written.record("source", source);
    }
  }

  const groupIds = missing(wanted.groups, written.groups);
  if (groupIds.length > 0) {
    const groups = await loadGroups(client, groupIds);
    yield* userRecords(client, written, groups.map((g) => g.createdById));
    for (const group of groups) {
      written.groups.add(group.id);
      yield written.record("group", group);
    }
  }

  yield* userRecords(client, written, wanted.users ?? []);
}

async function* userRecords(client: pg.PoolClient, written: Written, ids: (string | null)[]): AsyncGenerator<string> {
  const wanted = missing(ids, written.users);
  if (wanted.length === 0) return;
  // Never the password hash, nor whether the account is active: a restore creates missing
  // accounts deactivated whatever they were here.
  const { rows } = await client.query<Omit<UserRecord, "type">>(
    `SELECT id, email, name, role FROM "User" WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [wanted],
  );
  for (const user of rows) {
    written.users.add(user.id);
    yield written.record("user", { type: "user", id: user.id, email: user.email, name: user.name, role: user.role });
  }
}

function missing(ids: readonly (string | null)[] | undefined, written: Set<string>): string[] {
  const result = new Set<string>();
  for (const id of ids ?? []) if (id !== null && !written.has(id)) result.add(id);
  return [...result];
}

// ---- Queries -------------------------------------------------------------------------------------

interface ClaimSourceJson {
  sourceId: string;
  stance: ClaimRecord["sources"][number]["stance"];
  note: string | null;
  passage: string | null;
  createdAt: string;
}
interface ReviewJson {
  id: string;
  reviewerId: string;
  decision: ReviewRecord["decision"];
  rating: ReviewRecord["rating"];
  comment: string | null;
  createdAt: string;
}
interface CommentJson {
  id: string;
  authorId: string;
  body: string;
  createdAt: string;
  mentions: { userId: string; readAt: string | null }[];
}
type ClaimRow = Omit<ClaimRecord, "type" | "queuedAt" | "createdAt" | "updatedAt" | "deletedAt" | "sources"> & {
  queuedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  sources: ClaimSourceJson[];
  reviews: ReviewJson[];
  comments: CommentJson[];
};

/**
 * The claims of the scope, grouped by article so that an article's record comes just before its
 * claims. Links, reviews and comments come aggregated in the claim's row: no round trip per claim.
 * Dates are read as text and decimals as text, so no time zone or float rounding touches them.
 */
function claimsQuery(scope: Scope, filter: LedgerFilter): Prisma.Sql {
  const where = claimsWhere(scope, filter);
  return Prisma.sql`
    SELECT c.id, c."articleId", c."start", c."end", c.quote, c.prefix, c.suffix, c."anchorStatus", c.category,
           c.value::text AS value, c.min::text AS min, c.max::text AS max, c.unit, c.qualifier, c.claimant,
           c.statement, c."eventDate"::text AS "eventDate", c.note, c.status, c.rating, c.version, c."authorId", c."assigneeId",
           c."groupId", c."queuedAt", c."createdAt", c."updatedAt", c."deletedAt",
           (SELECT coalesce(json_agg(json_build_object('sourceId', cs."sourceId", 'stance', cs.stance, 'note', cs.note,
                     'passage', cs.passage, 'createdAt', cs."createdAt") ORDER BY cs."createdAt", cs."sourceId"), '[]'::json)
              FROM "ClaimSource" cs WHERE cs."claimId" = c.id) AS sources,
           (SELECT coalesce(json_agg(json_build_object('id', r.id, 'reviewerId', r."reviewerId", 'decision', r.decision,
                     'rating', r.rating, 'comment', r.comment, 'createdAt', r."createdAt") ORDER BY r."createdAt", r.id), '[]'::json)
              FROM "Review" r WHERE r."claimId" = c.id) AS reviews,
           (SELECT coalesce(json_agg(json_build_object('id', m.id, 'authorId', m."authorId", 'body', m.body,
                     'createdAt', m."createdAt",
                     'mentions', (SELECT coalesce(json_agg(json_build_object('userId', n."userId", 'readAt', n."readAt") ORDER BY n."userId"), '[]'::json)
                                    FROM "CommentMention" n WHERE n."commentId" = m.id)) ORDER BY m."createdAt", m.id), '[]'::json)
              FROM "Comment" m WHERE m."claimId" = c.id) AS comments
      FROM "Claim" c
     WHERE ${where}
     ORDER BY c."articleId", c."createdAt", c.id`;
}

// ---- Records -------------------------------------------------------------------------------------

function claimRecord(c: ClaimRow): ClaimRecord {
  return {
    type: "claim",
    id: c.id,
    articleId: c.articleId,
    start: c.start,
    end: c.end,
    quote: c.quote,
    prefix: c.prefix,
    suffix: c.suffix,
    anchorStatus: c.anchorStatus,
    category: c.category,
    value: readableDecimal(c.value),
    min: readableDecimal(c.min),
    max: readableDecimal(c.max),
    unit: c.unit,
    qualifier: c.qualifier,
    claimant: c.claimant,
    statement: c.statement,
    eventDate: c.eventDate,
    note: c.note,
    status: c.status,
    rating: c.rating,
    version: c.version,
    authorId: c.authorId,
    assigneeId: c.assigneeId,
    groupId: c.groupId,
    queuedAt: iso(c.queuedAt),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    deletedAt: iso(c.deletedAt),
    sources: c.sources.map((s) => ({ sourceId: s.sourceId, stance: s.stance, note: s.note, passage: s.passage, createdAt: iso(s.createdAt) })),
  };
}

function reviewRecord(claimId: string, r: ReviewJson): ReviewRecord {
  return { type: "review", id: r.id, claimId, reviewerId: r.reviewerId, decision: r.decision, rating: r.rating, comment: r.comment, createdAt: iso(r.createdAt) };
}

function commentRecord(claimId: string, m: CommentJson): CommentRecord {
  const mentions = m.mentions.map((n) => ({ userId: n.userId, readAt: iso(n.readAt) }));
  return { type: "comment", id: m.id, claimId, authorId: m.authorId, body: m.body, createdAt: iso(m.createdAt), mentions };
}

