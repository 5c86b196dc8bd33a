import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import type { Actor } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/auth/policy";
import { acceptSuggestions } from "@/lib/claims/accept-suggestions";
import { db } from "@/lib/db/client";
import { dismissSuggestion } from "@/lib/suggestions/dismiss-suggestion";
import { listSuggestions } from "@/lib/suggestions/list-suggestions";
import { SEED_TEXTS_DIR } from "../../support/paths";

let articleId: string;
let editor: Actor;

beforeAll(async () => {
  const text = await readFile(path.join(SEED_TEXTS_DIR, "000_cfd52a1e966a8c28.txt"), "utf8");
  articleId = (await createArticle({ actorId: null, text })).articleId;
  const user = await db.user.create({ data: { email: "accept@derek.test", name: "Editor", role: "EDITOR", passwordHash: "x" } });
  editor = { id: user.id, role: "EDITOR", active: true };
});

describe("acceptSuggestions", () => {
  it("tags suggestions as draft claims read as the suggester read them, and stops listing them", async () => {
    const suggestions = await listSuggestions({ actor: editor, articleId });
    const vote = suggestions.find((s) => s.text === "70 пайыздан астам")!;
    const vague = suggestions.find((s) => s.text === "мыңдаған адамды")!;
    const [voteClaim, vagueClaim] = await acceptSuggestions({ actor: editor, articleId, suggestionIds: [vote.id, vague.id] });
    expect(voteClaim).toMatchObject({ quote: "70 пайыздан астам", category: "VOTE_SHARE", qualifier: "MORE_THAN", unit: "percent", status: "DRAFT" });
    expect(voteClaim.value?.toString()).toBe("70");
    expect(vagueClaim).toMatchObject({ quote: "мыңдаған адамды", qualifier: "VAGUE", category: "DETENTION_COUNT" });
    expect([vagueClaim.min?.toString(), vagueClaim.max?.toString()]).toEqual(["2000", "9999"]);
    const left = (await listSuggestions({ actor: editor, articleId })).map((s) => s.id);
    expect(left).not.toContain(vote.id);
    expect(left).not.toContain(vague.id);
  });

  it("carries the claimant and the event date the suggester read", async () => {
    const text = "Құқық қорғаушылардың дерегінше, 10 қаңтарда 361 адам ұсталды.";
    const dated = (await createArticle({ actorId: null, text, publishedAt: new Date("2021-01-15") })).articleId;
    const count = (await listSuggestions({ actor: editor, articleId: dated })).find((s) => s.text === "361 адам")!;
    const [claim] = await acceptSuggestions({ actor: editor, articleId: dated, suggestionIds: [count.id] });
    expect(claim).toMatchObject({ quote: "361 адам", claimant: "Құқық қорғаушылар" });
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { eventDate: true } });
    expect(stored.eventDate?.toISOString().slice(0, 10)).toBe("2021-01-10");
  });

  it("tags none when one of them was dismissed meanwhile", async () => {
    const [first, second] = await listSuggestions({ actor: editor, articleId });
    await dismissSuggestion({ actor: editor, suggestionId: second.id });
    const before = await db.claim.count();
    await expect(acceptSuggestions({ actor: editor, articleId, suggestionIds: [first.id, second.id] })).rejects.toMatchObject({ code: "libClaims.suggestions.changed", kind: "conflict" });
    expect(await db.claim.count()).toBe(before);
  });

  it("refuses a reviewer", async () => {
    const user = await db.user.create({ data: { email: "rev@derek.test", name: "Reviewer", role: "REVIEWER", passwordHash: "x" } });
    const [first] = await listSuggestions({ actor: editor, articleId });
    await expect(acceptSuggestions({ actor: { id: user.id, role: "REVIEWER", active: true }, articleId, suggestionIds: [first.id] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
