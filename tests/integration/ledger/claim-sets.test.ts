import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { deleteClaimSet, listClaimSets, openClaimSet, saveClaimSet } from "@/lib/ledger/claim-sets";
import { makeActor } from "../review/fixtures";

let editor: Actor;
let other: Actor;
let admin: Actor;

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@sets.test", "Әйгерім");
  other = await makeActor("EDITOR", "other@sets.test", "Бақыт");
  admin = await makeActor("ADMIN", "admin@sets.test", "Дәурен");
});

describe("saved claim sets", () => {
  it("saves a filter in its canonical form, shares it, and reads it back", async () => {
    const saved = await saveClaimSet({ actor: editor, input: { name: "Ұсталғандар, тексерілген", params: { status: "VERIFIED", category: "DETENTION_COUNT", claimant: " ", valueMin: "1 000" } } });
    expect(saved.params).toEqual({ status: "VERIFIED", category: "DETENTION_COUNT", valueMin: "1000" });
    const { filter } = await openClaimSet({ actor: other, claimSetId: saved.id });
    expect(filter).toMatchObject({ status: "VERIFIED", category: "DETENTION_COUNT", valueMin: "1000" });
    const seenByOther = await listClaimSets({ actor: other });
    expect(seenByOther.map((s) => s.name)).toContain("Ұсталғандар, тексерілген");
    const events = await db.auditEvent.findMany({ where: { entityType: "ClaimSet", entityId: saved.id } });
    expect(events.map((e) => e.action)).toEqual(["claimset.create"]);
  });

  it("replaces the filter when the owner saves the same name again", async () => {
    const first = await saveClaimSet({ actor: editor, input: { name: "Сайлау", params: { category: "VOTE_SHARE" } } });
    const second = await saveClaimSet({ actor: editor, input: { name: "Сайлау", params: { category: "TURNOUT" } } });
    expect(second.id).toBe(first.id);
    expect((await openClaimSet({ actor: editor, claimSetId: first.id })).filter.category).toBe("TURNOUT");
    // Another editor's set of the same name is their own.
    const theirs = await saveClaimSet({ actor: other, input: { name: "Сайлау", params: {} } });
    expect(theirs.id).not.toBe(first.id);
  });

  it("refuses a filter that does not read, and stores nothing", async () => {
    const before = await db.claimSet.count();
    await expect(saveClaimSet({ actor: editor, input: { name: "Бұзық", params: { valueMin: "10", valueMax: "1" } } })).rejects.toMatchObject({ code: "libLedger.filter.figuresSwapped", field: "name" });
    expect(await db.claimSet.count()).toBe(before);
  });

  it("lets only the owner or an admin delete a set, keeping the record in the audit trail", async () => {
    const set = await saveClaimSet({ actor: editor, input: { name: "Өшірілетін", params: { rating: "FALSE" } } });
    await expect(deleteClaimSet({ actor: other, claimSetId: set.id })).rejects.toBeInstanceOf(ForbiddenError);
    await deleteClaimSet({ actor: admin, claimSetId: set.id });
    expect(await db.claimSet.findUnique({ where: { id: set.id } })).toBeNull();
    const deleted = await db.auditEvent.findFirstOrThrow({ where: { entityId: set.id, action: "claimset.delete" } });
    expect(deleted.before).toMatchObject({ name: "Өшірілетін", filter: { rating: "FALSE" } });
    await expect(deleteClaimSet({ actor: editor, claimSetId: set.id })).rejects.toMatchObject({ code: "libLedger.claimSets.alreadyDeleted", kind: "not-found" });
  });
});
