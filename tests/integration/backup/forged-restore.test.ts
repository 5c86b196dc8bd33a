import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { contentHash } from "@/lib/articles/content-hash";
import { backupFormat } from "@/lib/backup/jsonl-format";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { RestoreRefusedError } from "@/lib/backup/restore-errors";
import { db, disconnectDb } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { decideClaim } from "@/lib/review/decide-claim";
import { decideClaimSchema } from "@/lib/review/review-schemas";
import { dropDatabase, TEMPLATE_DATABASE } from "../../support/test-postgres";
import { makeActor, submittedClaim, tagClaim } from "../review/fixtures";
import { collect } from "../../support/file-chunks";

/**
 * Files a hostile or careless admin could restore: a genuine backup with one thing changed, the
 * hashes and the end record's counts made to agree, so that only the rule under test is broken.
 * Each is refused whole, naming its line and the rule, and the instance stays empty.
 */

const adminUrl = inject("postgresAdminUrl");
const sourceUrl = process.env.DATABASE_URL!;
const target = `derek_test_${randomBytes(6).toString("hex")}`;

const TEXT = ["Алматыда 400 адам ұсталды, деп хабарлады полиция.", "Сот оны 5 жылға соттады.", "Сайлауға 63,3 пайыз қатысты."].join("\n");
const DOC = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Алматыда 400 адам ұсталды, деп хабарлады " },
        { type: "text", text: "полиция", marks: [{ type: "link", attrs: { href: "https://police.kz/news" } }] },
        { type: "text", text: "." },
      ],
    },
    { type: "paragraph", content: [{ type: "text", text: "Сот оны 5 жылға соттады." }] },
    { type: "paragraph", content: [{ type: "text", text: "Сайлауға 63,3 пайыз қатысты." }] },
  ],
};

type Row = { type: string; [key: string]: unknown };
let genuine: Row[];
let ids: { editor: string; reviewer: string; verified: string; returned: string; draft: string };

const counted: Record<string, string> = {
  user: "users", article: "articles", revision: "revisions", source: "sources", group: "groups", claim: "claims", review: "reviews", comment: "comments", exclusion: "exclusions",
};

/** The genuine file with `change` applied, its end record made to agree. */
function forge(change: (rows: Row[]) => Row[] | void): string {
  const rows = structuredClone(genuine);
  const changed = change(rows) ?? rows;
  const trailer = changed.at(-1)!;
  for (const key of Object.values(counted)) trailer[key] = 0;
  for (const row of changed.slice(1, -1)) (trailer[counted[row.type]] as number)++;
  return `${changed.map((row) => JSON.stringify(row)).join("\n")}\n`;
}

const find = (rows: Row[], type: string, test: (row: Row) => boolean = () => true) => {
  const row = rows.find((r) => r.type === type && test(r));
  if (!row) throw new Error(`no ${type} record`);
  return row;
};
const lineOf = (file: string, type: string, test: (row: Row) => boolean) =>
  file.trimEnd().split("\n").findIndex((line) => {
    const row = JSON.parse(line) as Row;
    return row.type === type && test(row);
  }) + 1;

async function counts() {
  const [users, articles, claims, reviews, sources, events] = await Promise.all([
    db.user.count(), db.article.count(), db.claim.count(), db.review.count(), db.source.count(), db.auditEvent.count(),
  ]);
  return { users, articles, claims, reviews, sources, events };
}

async function refused(file: string): Promise<RestoreRefusedError> {
  const before = await counts();
  const error = await restoreBackup({ actor: "command-line", input: file }).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(RestoreRefusedError);
  expect(await counts()).toEqual(before);
  return error as RestoreRefusedError;
}

beforeAll(async () => {
  const editor = await makeActor("EDITOR", "editor@forged.test", "Әйгерім");
  const reviewer = await makeActor("REVIEWER", "reviewer@forged.test", "Нұрлан");
  const { articleId } = await createArticle({ actorId: editor.id, doc: DOC, title: "Ұстаулар", sourceUrl: "https://azattyq.org/a/1" });
  const article = { articleId, text: TEXT };
  const submitted = await submittedClaim(editor, article, "400 адам", { category: "DETENTION_COUNT", value: "400", unit: "адам" });
  const verified = await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: submitted.id, expectedVersion: submitted.version, decision: "APPROVE", rating: "TRUE" }) });
  const toReturn = await submittedClaim(editor, article, "5 жылға");
  const returned = await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: toReturn.id, expectedVersion: toReturn.version, decision: "RETURN", comment: "Дереккөз жоқ" }) });
  const draft = await tagClaim(editor, article, "63,3 пайыз", { category: "TURNOUT", value: "63,3", unit: "%" });
  ids = { editor: editor.id, reviewer: reviewer.id, verified: verified.id, returned: returned.id, draft: draft.id };

  const pool = new pg.Pool({ connectionString: sourceUrl, max: 1 });
  const client = await pool.connect();
  let file = "";
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    file += await collect(backupFormat.write({ client, filter: {}, baseUrl: "http://derek.test", onClaim: () => undefined }));
    await client.query("COMMIT");
  } finally {
    client.release();
    await pool.end();
  }
  genuine = file.trimEnd().split("\n").map((line) => JSON.parse(line) as Row);

  // Every forged file is restored into the same empty instance: a refusal leaves it empty.
  await ensureDatabase(adminUrl, target, TEMPLATE_DATABASE);
  await disconnectDb();
  process.env.DATABASE_URL = inject("postgresUrlTemplate").replace("{db}", target);
}, 60_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = sourceUrl;
  await dropDatabase(adminUrl, target);
});

describe("a forged backup", () => {
  it("is refused when an approval is credited to the claim's own author", async () => {
    const file = forge((rows) => {
      find(rows, "review", (r) => r.decision === "APPROVED").reviewerId = ids.editor;
    });
    const error = await refused(file);
    expect(error).toMatchObject({ refusal: "rule", line: lineOf(file, "review", (r) => r.decision === "APPROVED") });
    expect(error.message).toContain("The reviewer is the claim's own author; nobody reviews a claim they wrote.");
  });

  it("is refused when a verified claim comes without any approval", async () => {
    const file = forge((rows) => rows.filter((r) => !(r.type === "review" && r.claimId === ids.verified)));
    const error = await refused(file);
    expect(error).toMatchObject({ refusal: "rule", line: lineOf(file, "claim", (r) => r.id === ids.verified) });
    expect(error.message).toContain("The claim is verified, but its last review is not an approval with its verdict");
  });

  it("is refused when a draft is made verified with a verdict nobody gave", async () => {
    const file = forge((rows) => {
      Object.assign(find(rows, "claim", (r) => r.id === ids.draft), { status: "VERIFIED", rating: "TRUE" });
    });
    expect(await refused(file)).toMatchObject({ refusal: "rule", line: lineOf(file, "claim", (r) => r.id === ids.draft) });
  });

  it("is refused when the claim's verdict is not the one its approval gave", async () => {
    const file = forge((rows) => {
      find(rows, "claim", (r) => r.id === ids.verified).rating = "FALSE";
    });
    expect(await refused(file)).toMatchObject({ refusal: "rule", line: lineOf(file, "claim", (r) => r.id === ids.verified) });
  });

  it("is refused when a claim that is not verified carries a verdict", async () => {
    const file = forge((rows) => {
      find(rows, "claim", (r) => r.id === ids.draft).rating = "MISLEADING";
    });
    const error = await refused(file);
    expect(error).toMatchObject({ refusal: "rule", line: lineOf(file, "claim", (r) => r.id === ids.draft) });
    expect(error.message).toContain("The claim has a verdict but is not verified (its status is draft).");
  });

  it("is refused when a returned claim has no return behind it", async () => {
    const file = forge((rows) => rows.filter((r) => !(r.type === "review" && r.claimId === ids.returned)));
    const error = await refused(file);
    expect(error).toMatchObject({ refusal: "rule", line: lineOf(file, "claim", (r) => r.id === ids.returned) });
    expect(error.message).toContain("The claim's status returned does not follow from its reviews (the last decision is none).");
  });

  it("is refused for a review that breaks the decision form's rules", async () => {
    const noVerdict = forge((rows) => {
      find(rows, "review", (r) => r.decision === "APPROVED").rating = null;
    });
    expect((await refused(noVerdict)).message).toContain("An approval without a verdict.");
    const silentReturn = forge((rows) => {
      find(rows, "review", (r) => r.decision === "RETURNED").comment = null;
    });
    expect((await refused(silentReturn)).message).toContain("A review of decision returned needs its comment (the reason given).");
    const unknownRating = forge((rows) => {
      find(rows, "review", (r) => r.decision === "APPROVED").rating = "HALF_TRUE";
    });
    expect(await refused(unknownRating)).toMatchObject({ refusal: "malformed", line: lineOf(unknownRating, "review", (r) => r.decision === "APPROVED") });
  });

  it("is refused when a source's or an article's address is not http(s)", async () => {
    const script = forge((rows) => {
      find(rows, "source").url = "javascript:alert(document.cookie)";
    });
    const error = await refused(script);
    expect(error).toMatchObject({ refusal: "rule", line: lineOf(script, "source", () => true) });
    expect(error.message).toContain("The source's address \"javascript:alert(document.cookie)\" is not a web address starting with http:// or https://.");
    const archive = forge((rows) => {
      find(rows, "source").archivedUrl = "file:///etc/passwd";
    });
    expect((await refused(archive)).message).toContain("The source's archive address \"file:///etc/passwd\"");
    const article = forge((rows) => {
      find(rows, "article").sourceUrl = "data:text/html,<script>alert(1)</script>";
    });
    expect(await refused(article)).toMatchObject({ refusal: "rule", line: lineOf(article, "article", () => true) });
  });

  it("is refused when a link in an article's document is not http(s)", async () => {
    const file = forge((rows) => {
      for (const row of rows.filter((r) => r.type === "article" || r.type === "revision")) {
        const json = JSON.stringify(row.bodyJson).replace("https://police.kz/news", "javascript:alert(1)");
        row.bodyJson = JSON.parse(json);
      }
    });
    const error = await refused(file);
    expect(error).toMatchObject({ refusal: "rule", line: lineOf(file, "article", () => true) });
    expect(error.message).toContain('A link in the document goes to "javascript:alert(1)"; only http:// and https:// addresses are kept.');
  });

  it("is refused when an article's text is not the plain text of its document", async () => {
    // The hash is made to agree with the changed text: only the document gives it away.
    const file = forge((rows) => {
      for (const row of rows.filter((r) => r.type === "article" || r.type === "revision")) {
        row.bodyText = (row.bodyText as string).replace("400", "4000");
        row.contentHash = contentHash(row.bodyText as string);
      }
    });
    const error = await refused(file);
    expect(error).toMatchObject({ refusal: "rule", line: lineOf(file, "article", () => true) });
    expect(error.message).toContain("The text does not match the plain text of the document");
  });

  it("is refused when a document holds what the article schema does not", async () => {
    const file = forge((rows) => {
      find(rows, "revision").bodyJson = { type: "doc", content: [{ type: "iframe", attrs: { src: "https://evil.example" } }] };
    });
    const error = await refused(file);
    expect(error).toMatchObject({ refusal: "rule", line: lineOf(file, "revision", () => true) });
    expect(error.message).toContain("The document is not one the article viewer can show");
  });

  it("leaves the genuine file restorable, with an audit event per claim and review carrying its sha256", async () => {
    const result = await restoreBackup({ actor: "command-line", input: forge(() => undefined) });
    expect(result.counts).toMatchObject({ claims: 3, reviews: 2 });
    const events = await db.auditEvent.findMany({ where: { action: { in: ["claim.restored", "review.restored"] } } });
    expect(events).toHaveLength(5);
    expect(events.every((e) => (e.after as { sha256: string }).sha256 === result.sha256)).toBe(true);
  });
});
