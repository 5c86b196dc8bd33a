import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import type { Actor } from "@/lib/auth/policy";
import { listArticleClaims } from "@/lib/claims/list-article-claims";
import { db } from "@/lib/db/client";

// The workbench's claims are read in one statement with their figures as text: what it lists
// must be what the query builder gave (decimals without trailing zeros, every field, the order
// by start and the longer claim first), without deleted claims, narrowed to `claimIds` when asked.

let editor: Actor;
let articleId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const user = await db.user.create({ data: { email: `list-${Date.now()}@article-claims.test`, name: "lister", role: "EDITOR", passwordHash: "x" } });
  editor = { id: user.id, role: "EDITOR", active: true };
  ({ articleId } = await createArticle({ actorId: null, text: `Сайлауға 70,96 пайыз келді, 1 200 000 адам дауыс берді. ${Date.now()}` }));
  const claim = (name: string, data: Record<string, unknown>) =>
    db.claim.create({ data: { articleId, authorId: user.id, category: "TURNOUT", quote: "x", start: 0, end: 1, ...data } as never }).then((c) => (ids[name] = c.id));
  await claim("inner", { start: 9, end: 14, value: "70.96", unit: "percent", qualifier: "APPROXIMATELY", claimant: "ОСК" });
  await claim("outer", { start: 9, end: 21, min: "10", max: "20.5", status: "VERIFIED", rating: "TRUE" });
  await claim("tiny", { start: 30, end: 39, value: "0.000001", anchorStatus: "ORPHANED" });
  await claim("large", { start: 28, end: 39, value: "-123456789012345678.5" });
  await claim("deleted", { start: 0, end: 5, deletedAt: new Date() });
}, 60_000);

describe("listArticleClaims", () => {
  it("lists every live claim with its figures as text, by start and the longer first", async () => {
    const claims = await listArticleClaims({ actor: editor, articleId });
    expect(claims.map((c) => c.id)).toEqual([ids.outer, ids.inner, ids.large, ids.tiny]);
    const [outer, inner, large, tiny] = claims;
    expect(inner).toEqual({
      id: ids.inner,
      start: 9,
      end: 14,
      quote: "x",
      category: "TURNOUT",
      value: "70.96",
      min: null,
      max: null,
      unit: "percent",
      qualifier: "APPROXIMATELY",
      claimant: "ОСК",
      status: "DRAFT",
      rating: null,
      anchorStatus: "ANCHORED",
      version: 1,
      authorId: editor.id,
      permissions: { canEdit: true, canDelete: true, canSubmit: true, canDecide: false },
    });
    expect([outer.min, outer.max, outer.status, outer.rating]).toEqual(["10", "20.5", "VERIFIED", "TRUE"]);
    expect([tiny.value, tiny.anchorStatus, large.value]).toEqual(["0.000001", "ORPHANED", "-123456789012345678.5"]);
  });

  it("narrows to the claims asked for, and finds nothing on an address that is no article", async () => {
    expect((await listArticleClaims({ actor: editor, articleId, claimIds: [ids.tiny, ids.deleted, "not-an-id"] })).map((c) => c.id)).toEqual([ids.tiny]);
    expect(await listArticleClaims({ actor: editor, articleId, claimIds: [] })).toEqual([]);
    expect(await listArticleClaims({ actor: editor, articleId: "not-an-id" })).toEqual([]);
  });
});
