import type pg from "pg";
import { CopyBinaryReader, textArrayAt } from "@/lib/export/copy-binary";
import type { CopyOut } from "@/lib/export/copy-out";
import type { LineWriteBack } from "@/lib/export/export-lines";
import type { ExportContext } from "@/lib/export/export-format";
import {
  ARTICLES_PER_GROUP,
  CLAIM_FIELD as F,
  CLAIMS_PER_BATCH,
  groupLinesSql,
  sourceLinesSql,
  userLinesSql,
} from "./jsonl-file-sql";
import type { Written } from "./jsonl-written";

/** A claim's lines rendered by the COPY because its stored ones were stale: to be stored. */
export interface RenderedClaim {
  id: string;
  generation: string;
  text: string;
  sourceIds: string | null;
  userIds: string | null;
  reviews: number;
  comments: number;
}

/** An article's lines rendered before the COPY, because its stored ones were stale. */
export interface RenderedArticle {
  id: string;
  text: string;
  revisions: number;
  userIds: string | null;
}

/** A record the claims name, rendered by PostgreSQL, with the user it names. */
interface NamedLine {
  text: Buffer;
  createdById: string | null;
}

/** The users', sources' and groups' lines, loaded before the COPY (nothing can be asked while it streams). */
export interface RecordLines {
  users: Map<string, Buffer>;
  sources: Map<string, NamedLine>;
  groups: Map<string, NamedLine>;
}

/**
 * Sources and groups loaded up front at most (each): a newsroom with more is written a fetch at a
 * time, which loads only those a fetch names. About 0.3 KB each.
 */
export const RECORDS_LOADED = 100_000;

/** Every user's, source's and group's line; null when there are more than RECORDS_LOADED sources or groups. */
export async function loadRecordLines(client: pg.ClientBase): Promise<RecordLines | null> {
  const users = await client.query<{ id: string; text: string }>(userLinesSql);
  const sources = await client.query<{ id: string; text: string; createdById: string | null }>(sourceLinesSql(RECORDS_LOADED + 1));
  if (sources.rows.length > RECORDS_LOADED) return null;
  const groups = await client.query<{ id: string; text: string; createdById: string | null }>(groupLinesSql(RECORDS_LOADED + 1));
  if (groups.rows.length > RECORDS_LOADED) return null;
  const named = (rows: { id: string; text: string; createdById: string | null }[]) =>
    new Map(rows.map((row) => [row.id, { text: Buffer.from(row.text), createdById: row.createdById }]));
  return {
    users: new Map(users.rows.map((row) => [row.id, Buffer.from(row.text)])),
    sources: named(sources.rows),
    groups: named(groups.rows),
  };
}

/** Rendered lines written back per statement. */
const WRITE_BACK_LINES = 1_000;

interface PendingArticle {
  id: string;
  text: Buffer;
  revisions: number;
  userIds: string | null;
}

/**
 * The file's claims and what they name, from `copy`, the COPY of jsonlClaimsCopySql
 * (lib/backup/jsonl-file-sql.ts) as sent (stored lines as the bytes PostgreSQL holds, each
 * article's beside its first claim), written while PostgreSQL keeps sending: the
 * records a batch names are put before it from `records`, in the order the fetch-at-a-time writer
 * has always used: the batch's new articles ten at a time, each ten after the new users they name;
 * the new sources' new users, then the sources by id; the same for groups; the claims' new users;
 * then the claims. A batch's claims (CLAIMS_PER_BATCH lines) and ten articles are held at most.
 * Lines the COPY rendered because the stored ones were stale are written back WRITE_BACK_LINES
 * at a time, over the generation they were read at.
 */
export async function* writeClaimsInOneCopy(
  context: ExportContext,
  copy: CopyOut,
  { staleArticles, records }: { staleArticles: Map<string, RenderedArticle>; records: RecordLines },
  written: Written,
  writeBack: LineWriteBack<RenderedClaim>,
): AsyncGenerator<Uint8Array> {
  const batch = new Batch(written, records, context.onClaim);
  let rendered: RenderedClaim[] = [];
  const text = (bytes: Buffer, starts: Int32Array, ends: Int32Array, i: number) => (starts[i] === -1 ? null : bytes.toString("latin1", starts[i], ends[i]));
  const onRow = (bytes: Buffer, starts: Int32Array, ends: Int32Array) => {
    const articleId = text(bytes, starts, ends, F.articleId);
    if (articleId !== null) {
      if (starts[F.articleText] !== -1) {
        batch.article({
          id: articleId,
          text: bytes.subarray(starts[F.articleText], ends[F.articleText]),
          revisions: bytes.readInt32BE(starts[F.revisions]),
          // Text in the binary format is UTF-8; ids are ASCII.
          userIds: text(bytes, starts, ends, F.articleUserIds),
        });
      } else {
        const rendered = staleArticles.get(articleId);
        if (!rendered) throw new Error(`Article ${articleId} has no JSON Lines line`);
        batch.article({ ...rendered, text: Buffer.from(rendered.text) });
      }
    }
    const users = [text(bytes, starts, ends, F.authorId), text(bytes, starts, ends, F.assigneeId)];
    const groupId = text(bytes, starts, ends, F.groupId);
    if (starts[F.text] !== -1) {
      batch.claim(
        bytes.subarray(starts[F.text], ends[F.text]),
        bytes.readInt32BE(starts[F.reviews]),
        bytes.readInt32BE(starts[F.comments]),
        text(bytes, starts, ends, F.sourceIds),
        groupId,
        users,
        text(bytes, starts, ends, F.userIds),
      );
      return;
    }
    // Stale: rendered by the statement, and stored for the next export.
    const [lines, sourceIds, userIds, reviews, comments] = textArrayAt(bytes, starts[F.rendered]);
    const claim = { text: lines!, sourceIds, userIds, reviews: Number(reviews), comments: Number(comments) };
    batch.claim(Buffer.from(claim.text), claim.reviews, claim.comments, sourceIds, groupId, users, userIds);
    if (starts[F.generation] !== -1) {
      rendered.push({ ...claim, id: text(bytes, starts, ends, F.id)!, generation: bytes.readBigInt64BE(starts[F.generation]).toString() });
    }
  };

  const reader = new CopyBinaryReader(Object.keys(F).length);
  try {
    for await (const chunk of copy.chunks()) {
      reader.push(chunk, onRow);
      yield* written.take();
      if (rendered.length >= WRITE_BACK_LINES) {
        // Waits when the primary has fallen behind, which holds the COPY back too.
        await writeBack.add(rendered);
        rendered = [];
      }
    }
    reader.end();
    await writeBack.add(rendered);
  } finally {
    await copy.close();
  }
  batch.end();
  yield* written.take();
}

/** The batch of claims being read, and what it names that no earlier line wrote. */
class Batch {
  private claims: { lines: Buffer; reviews: number; comments: number }[] = [];
  private articles: PendingArticle[] = [];
  private readonly sources = new Set<string>();
  private readonly groups = new Set<string>();
  private readonly users = new Set<string>();

  constructor(
    private readonly written: Written,
    private readonly records: RecordLines,
    private readonly onClaim: () => void,
  ) {}

  article(article: PendingArticle): void {
    this.articles.push(article);
    if (this.articles.length === ARTICLES_PER_GROUP) this.writeArticles();
  }

  claim(lines: Buffer, reviews: number, comments: number, sourceIds: string | null, groupId: string | null, users: (string | null)[], userIds: string | null): void {
    const { written } = this;
    if (sourceIds !== null) for (const id of sourceIds.split(",")) if (!written.sources.has(id)) this.sources.add(id);
    if (groupId !== null && !written.groups.has(groupId)) this.groups.add(groupId);
    for (const id of users) if (id !== null && !written.users.has(id)) this.users.add(id);
    if (userIds !== null) for (const id of userIds.split(",")) if (!written.users.has(id)) this.users.add(id);
    this.claims.push({ lines, reviews, comments });
    if (this.claims.length === CLAIMS_PER_BATCH) this.end();
  }

  /** Writes the batch read so far, after what it names. */
  end(): void {
    const { written, records } = this;
    if (this.articles.length > 0) this.writeArticles();
    this.writeNamed(this.sources, records.sources, written.sources, "source");
    this.writeNamed(this.groups, records.groups, written.groups, "group");
    this.writeUsers(this.users);
    this.users.clear();
    for (const claim of this.claims) {
      written.pushBytes(claim.lines);
      written.counted("claim", 1);
      written.counted("review", claim.reviews);
      written.counted("comment", claim.comments);
      this.onClaim();
    }
    this.claims = [];
  }

  private writeArticles(): void {
    const { written } = this;
    this.writeUsers(this.articles.flatMap((a) => a.userIds?.split(",") ?? []));
    for (const article of this.articles) {
      written.articles.add(article.id);
      written.counted("article", 1);
      written.counted("revision", article.revisions);
      written.pushBytes(article.text);
    }
    this.articles = [];
  }

  /** The sources or groups of `ids` not written yet, by id, after the new users they name. */
  private writeNamed(ids: Set<string>, lines: Map<string, NamedLine>, done: Set<string>, type: "source" | "group"): void {
    const found = [...ids].filter((id) => !done.has(id) && lines.has(id)).sort();
    ids.clear();
    this.writeUsers(found.map((id) => lines.get(id)!.createdById));
    for (const id of found) {
      done.add(id);
      this.written.counted(type, 1);
      this.written.pushBytes(lines.get(id)!.text);
    }
  }

  /** The users of `ids` not written yet, by id (as PostgreSQL orders uuids: the order of their text). */
  private writeUsers(ids: Iterable<string | null>): void {
    const { written } = this;
    const wanted = new Set<string>();
    for (const id of ids) if (id !== null && !written.users.has(id)) wanted.add(id);
    for (const id of [...wanted].sort()) {
      const text = this.records.users.get(id);
      if (!text) continue;
      written.users.add(id);
      written.counted("user", 1);
      written.pushBytes(text);
    }
  }
}
