import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { addClaimToGroup } from "@/lib/grouping/add-claim-to-group";
import { confirmGroup } from "@/lib/grouping/confirm-group";
import { dissolveGroup } from "@/lib/grouping/dissolve-group";
import { exclusionPair } from "@/lib/grouping/exclusions";
import {
  addClaimToGroupSchema,
  confirmGroupSchema,
  dissolveGroupSchema,
  mergeGroupsSchema,
  removeClaimFromGroupSchema,
  splitGroupSchema,
} from "@/lib/grouping/group-schemas";
import { mergedGroupTarget } from "@/lib/grouping/group-aliases";
import { mergeGroups } from "@/lib/grouping/merge-groups";
import { removeClaimFromGroup } from "@/lib/grouping/remove-claim-from-group";
import { splitGroup } from "@/lib/grouping/split-group";
import { clearClaims, exclusionCount, groupOf, makeActor, membersOf, seedArticle, sorted, tagOn, type SeedArticle } from "./fixtures";

let editor: Actor;
let editor2: Actor;
let reviewer: Actor;
let admin: Actor;
let articles: Record<"nurOtan" | "observers" | "parliament", SeedArticle>;

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@groups.test", "Әйгерім");
  editor2 = await makeActor("EDITOR", "editor2@groups.test", "Бақыт");
  reviewer = await makeActor("REVIEWER", "reviewer@groups.test", "Нұрлан");
  admin = await makeActor("ADMIN", "admin@groups.test", "Дәурен");
  articles = {
    nurOtan: await seedArticle("000_cfd52a1e966a8c28.txt"),
    observers: await seedArticle("002_37550b50464d8635.txt"),
    parliament: await seedArticle("003_f112b8e6a601b618.txt"),
  };
});

let held: { thousands: string; nearly4000: string; atLeast10: string; exactly361: string };
let vote: { moreThan70: string; exactly70: string };

beforeEach(async () => {
  await clearClaims();
  held = {
    thousands: (await tagOn(editor, articles.nurOtan, "мыңдаған адамды")).id,
    nearly4000: (await tagOn(editor, articles.observers, "төрт мыңға жуық адам")).id,
    atLeast10: (await tagOn(editor, articles.parliament, "кем дегенде он адам")).id,
    exactly361: (await tagOn(editor, articles.parliament, "361 адамды", { claimant: "Құқық қорғаушылар" })).id,
  };
  vote = {
    moreThan70: (await tagOn(editor, articles.nurOtan, "70 пайыздан астам")).id,
    exactly70: (await tagOn(editor, articles.observers, "70 пайыз")).id,
  };
});

/** A group written straight to the database, as a proposal run or an earlier editor left it. */
async function makeGroup(claimIds: string[], status: "PROPOSED" | "CONFIRMED" = "PROPOSED", label: string | null = null) {
  const group = await db.claimGroup.create({ data: { status, label } });
  await db.claim.updateMany({ where: { id: { in: claimIds } }, data: { groupId: group.id } });
  return { groupId: group.id, expectedUpdatedAt: group.updatedAt.toISOString() };
}

/** The group as its page would hand it to a form now. */
async function stateOf(groupId: string) {
  const group = await db.claimGroup.findUniqueOrThrow({ where: { id: groupId } });
  return { groupId, expectedUpdatedAt: group.updatedAt.toISOString() };
}

async function eventsFor(groupId: string) {
  return db.auditEvent.findMany({ where: { entityType: "ClaimGroup", entityId: groupId }, orderBy: { id: "asc" } });
}

async function exclusionsAmong(ids: string[]) {
  const rows = await db.claimGroupExclusion.findMany({ where: { claimAId: { in: ids }, claimBId: { in: ids } } });
  return rows.map((r) => `${r.claimAId}|${r.claimBId}`).sort();
}

const pairs = (list: [string, string][]) => list.map(([a, b]) => exclusionPair(a, b)).map((p) => `${p.claimAId}|${p.claimBId}`).sort();

/**
 * Makes the audit event of `action` fail inside the database, as a full disk or a lost connection
 * would halfway through a change; undone afterwards.
 */
async function withFailingAudit(action: string, run: () => Promise<unknown>) {
  await db.$executeRawUnsafe(`
    CREATE FUNCTION test_fail_audit() RETURNS trigger AS $$
    BEGIN
      IF NEW.action = '${action}' THEN RAISE EXCEPTION 'audit store unavailable'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`);
  try {
    await expect(run()).rejects.toThrow("audit store unavailable");
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER test_fail_audit ON "AuditEvent"`);
    await db.$executeRawUnsafe(`DROP FUNCTION test_fail_audit()`);
  }
}

/** What a group and its surroundings look like, to compare before and after a refused change. */
async function snapshot() {
  const groups = await db.claimGroup.findMany({ orderBy: { id: "asc" } });
  const claims = await db.claim.findMany({ select: { id: true, groupId: true }, orderBy: { id: "asc" } });
  const exclusions = await db.claimGroupExclusion.findMany({ orderBy: [{ claimAId: "asc" }, { claimBId: "asc" }] });
  const aliases = await db.claimGroupAlias.findMany({ orderBy: { id: "asc" } });
  return { groups, claims, exclusions, aliases, events: await db.auditEvent.count() };
}

async function expectConflict(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DerekError);
  expect((error as DerekError).kind).toBe("conflict");
}

describe("confirming a proposed group", () => {
  it("confirms it with a label, moves its state on, and records who did it", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000]);
    const result = await confirmGroup({ actor: editor, input: confirmGroupSchema.parse({ ...state, label: "  9 маусым 2019: ұсталғандар " }) });
    const group = await db.claimGroup.findUniqueOrThrow({ where: { id: state.groupId } });
    expect(group).toMatchObject({ status: "CONFIRMED", label: "9 маусым 2019: ұсталғандар" });
    expect(result.updatedAt.getTime()).toBeGreaterThan(new Date(state.expectedUpdatedAt).getTime());
    expect(group.updatedAt).toEqual(result.updatedAt);
    const [event] = await eventsFor(state.groupId);
    expect(event).toMatchObject({
      action: "group.confirm",
      actorId: editor.id,
      before: { status: "PROPOSED", label: null, claimIds: [held.thousands, held.nearly4000] },
      after: { status: "CONFIRMED", label: "9 маусым 2019: ұсталғандар", claimIds: [held.thousands, held.nearly4000] },
    });
  });

  it("keeps an earlier label when none is given, and refuses a group already confirmed", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000], "PROPOSED", "Ұсталғандар");
    const { updatedAt } = await confirmGroup({ actor: admin, input: confirmGroupSchema.parse({ ...state, label: "" }) });
    expect((await groupOf(held.thousands))!.label).toBe("Ұсталғандар");
    await expect(confirmGroup({ actor: editor, input: confirmGroupSchema.parse({ ...state, expectedUpdatedAt: updatedAt.toISOString() }) })).rejects.toThrow(
      "This group is already confirmed.",
    );
  });

  it("refuses a change made on a state someone else has moved on from", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000]);
    await confirmGroup({ actor: editor2, input: confirmGroupSchema.parse({ ...state, label: "Бақыттың атауы" }) });
    const before = await snapshot();
    await expectConflict(confirmGroup({ actor: editor, input: confirmGroupSchema.parse({ ...state, label: "Менің атауым" }) }));
    expect(await snapshot()).toEqual(before);
  });

  it("is refused to reviewers", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000]);
    await expect(confirmGroup({ actor: reviewer, input: confirmGroupSchema.parse(state) })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await groupOf(held.thousands))!.status).toBe("PROPOSED");
  });
});

describe("removing a claim from a group", () => {
  it("takes it out and remembers it is not the same fact as each remaining claim", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000, held.atLeast10]);
    const result = await removeClaimFromGroup({ actor: editor, input: removeClaimFromGroupSchema.parse({ ...state, claimId: held.atLeast10 }) });
    expect(result.groupId).toBe(state.groupId);
    expect(await membersOf(state.groupId)).toEqual(sorted([held.thousands, held.nearly4000]));
    expect(await groupOf(held.atLeast10)).toBeNull();
    expect(await exclusionsAmong(Object.values(held))).toEqual(pairs([[held.atLeast10, held.thousands], [held.atLeast10, held.nearly4000]]));
    const [event] = await eventsFor(state.groupId);
    expect(event).toMatchObject({ action: "group.remove_claim", actorId: editor.id, after: { removedClaimId: held.atLeast10, exclusions: 2, dissolved: false } });
  });

  it("dissolves a group left with one claim", async () => {
    const state = await makeGroup([held.thousands, held.atLeast10], "CONFIRMED");
    const result = await removeClaimFromGroup({ actor: editor, input: removeClaimFromGroupSchema.parse({ ...state, claimId: held.atLeast10 }) });
    expect(result).toEqual({ groupId: null, updatedAt: null });
    expect(await db.claimGroup.count({ where: { id: state.groupId } })).toBe(0);
    expect(await groupOf(held.thousands)).toBeNull();
    expect(await exclusionCount()).toBe(1);
    expect((await eventsFor(state.groupId))[0].after).toMatchObject({ claimIds: [], dissolved: true });
  });

  it("refuses a claim that is not in the group, a stale state and a reviewer, changing nothing", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000, held.atLeast10]);
    const before = await snapshot();
    await expectConflict(removeClaimFromGroup({ actor: editor, input: removeClaimFromGroupSchema.parse({ ...state, claimId: vote.exactly70 }) }));
    await expect(removeClaimFromGroup({ actor: reviewer, input: removeClaimFromGroupSchema.parse({ ...state, claimId: held.atLeast10 }) })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await snapshot()).toEqual(before);
    // Two editors with the group open: the second acts on what the first already changed.
    await removeClaimFromGroup({ actor: editor2, input: removeClaimFromGroupSchema.parse({ ...state, claimId: held.atLeast10 }) });
    const after = await snapshot();
    await expectConflict(removeClaimFromGroup({ actor: editor, input: removeClaimFromGroupSchema.parse({ ...state, claimId: held.nearly4000 }) }));
    expect(await snapshot()).toEqual(after);
  });
});

describe("splitting a group", () => {
  it("makes the ticked claims a group of their own and keeps the two parts apart", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000, held.atLeast10, held.exactly361], "CONFIRMED", "Ұсталғандар");
    const result = await splitGroup({ actor: editor, input: splitGroupSchema.parse({ ...state, claimIds: [held.atLeast10, held.exactly361] }) });
    expect(result.groupId).toBe(state.groupId);
    expect(await membersOf(state.groupId)).toEqual(sorted([held.thousands, held.nearly4000]));
    expect(await membersOf(result.newGroupId)).toEqual(sorted([held.atLeast10, held.exactly361]));
    // The split-off part is as confirmed as the group it came from; the label named the rest.
    expect(await db.claimGroup.findUniqueOrThrow({ where: { id: result.newGroupId! } })).toMatchObject({ status: "CONFIRMED", label: null });
    expect(await exclusionsAmong(Object.values(held))).toEqual(
      pairs([
        [held.atLeast10, held.thousands],
        [held.atLeast10, held.nearly4000],
        [held.exactly361, held.thousands],
        [held.exactly361, held.nearly4000],
      ]),
    );
    expect((await eventsFor(state.groupId))[0]).toMatchObject({ action: "group.split", after: { movedClaimIds: [held.atLeast10, held.exactly361], newGroupId: result.newGroupId, exclusions: 4 } });
    expect((await eventsFor(result.newGroupId!))[0]).toMatchObject({ action: "group.split", after: { splitFrom: state.groupId, claimIds: [held.atLeast10, held.exactly361] } });
  });

  it("sets a part of one claim free, and dissolves the group when only one stays", async () => {
    const one = await makeGroup([held.thousands, held.nearly4000, held.atLeast10]);
    const freed = await splitGroup({ actor: editor, input: splitGroupSchema.parse({ ...one, claimIds: [held.atLeast10] }) });
    expect(freed).toMatchObject({ groupId: one.groupId, newGroupId: null });
    expect(await groupOf(held.atLeast10)).toBeNull();

    await clearClaimsOf([held.thousands, held.nearly4000]);
    const other = await makeGroup([held.thousands, held.nearly4000, held.atLeast10]);
    const moved = await splitGroup({ actor: editor, input: splitGroupSchema.parse({ ...other, claimIds: [held.nearly4000, held.atLeast10] }) });
    expect(moved.groupId).toBeNull();
    expect(await db.claimGroup.count({ where: { id: other.groupId } })).toBe(0);
    expect(await groupOf(held.thousands)).toBeNull();
    expect(await membersOf(moved.newGroupId)).toEqual(sorted([held.nearly4000, held.atLeast10]));
  });

  it("needs two parts, claims of the group, and the group as the editor saw it", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000]);
    const before = await snapshot();
    const all = splitGroup({ actor: editor, input: splitGroupSchema.parse({ ...state, claimIds: [held.thousands, held.nearly4000] }) });
    await expect(all).rejects.toMatchObject({ field: "claimIds", message: expect.stringContaining("Leave at least one claim unticked") });
    await expectConflict(splitGroup({ actor: editor, input: splitGroupSchema.parse({ ...state, claimIds: [held.atLeast10] }) }));
    await expectConflict(splitGroup({ actor: editor, input: splitGroupSchema.parse({ ...state, expectedUpdatedAt: "2020-01-01T00:00:00.000Z", claimIds: [held.thousands] }) }));
    await expect(splitGroup({ actor: reviewer, input: splitGroupSchema.parse({ ...state, claimIds: [held.thousands] }) })).rejects.toBeInstanceOf(ForbiddenError);
    expect(splitGroupSchema.safeParse({ ...state, claimIds: [] }).error?.issues[0].message).toBe("libGrouping.input.tickDifferentFact");
    expect(await snapshot()).toEqual(before);
  });

  it("is all or nothing", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000, held.atLeast10, held.exactly361]);
    const before = await snapshot();
    await withFailingAudit("group.split", () => splitGroup({ actor: editor, input: splitGroupSchema.parse({ ...state, claimIds: [held.atLeast10, held.exactly361] }) }));
    expect(await snapshot()).toEqual(before);
  });
});

async function clearClaimsOf(ids: string[]) {
  await db.claim.updateMany({ where: { id: { in: ids } }, data: { groupId: null } });
}

describe("merging groups", () => {
  it("keeps the confirmed group's id, status and label, forgets exclusions between the two, and records both sides", async () => {
    const proposed = await makeGroup([held.thousands, held.nearly4000]);
    const confirmed = await makeGroup([held.atLeast10, held.exactly361], "CONFIRMED", "Ұсталғандар");
    await db.claimGroupExclusion.createMany({
      data: [
        { ...exclusionPair(held.thousands, held.atLeast10), createdById: editor2.id },
        // Between claims outside these groups: untouched.
        { ...exclusionPair(vote.moreThan70, vote.exactly70), createdById: editor2.id },
      ],
    });
    // Made on the proposal's page: still the confirmed group, whose address people have, survives.
    const result = await mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...proposed, otherGroupId: confirmed.groupId }) });
    expect(result.groupId).toBe(confirmed.groupId);
    expect(await membersOf(confirmed.groupId)).toEqual(sorted(Object.values(held)));
    const survivor = await db.claimGroup.findUniqueOrThrow({ where: { id: confirmed.groupId } });
    expect(survivor).toMatchObject({ status: "CONFIRMED", label: "Ұсталғандар" });
    expect(result.updatedAt).toEqual(survivor.updatedAt);
    expect(survivor.updatedAt.toISOString()).not.toBe(confirmed.expectedUpdatedAt);
    expect(await db.claimGroup.count({ where: { id: proposed.groupId } })).toBe(0);
    expect(await mergedGroupTarget({ actor: reviewer, groupId: proposed.groupId })).toBe(confirmed.groupId);
    expect(await mergedGroupTarget({ actor: reviewer, groupId: confirmed.groupId })).toBeNull();
    expect(await exclusionsAmong(Object.values(held))).toEqual([]);
    expect(await exclusionCount()).toBe(1);
    expect((await eventsFor(confirmed.groupId))[0]).toMatchObject({
      action: "group.merge",
      actorId: editor.id,
      before: { status: "CONFIRMED", label: "Ұсталғандар", mergedGroup: { id: proposed.groupId, status: "PROPOSED" } },
      after: { status: "CONFIRMED", label: "Ұсталғандар", exclusionsForgotten: 1 },
    });
    expect((await eventsFor(proposed.groupId))[0]).toMatchObject({ action: "group.merge", actorId: editor.id, after: { mergedInto: confirmed.groupId } });
  });

  it("keeps this group's id when both are confirmed or both proposed, and takes the other's label if it has none", async () => {
    const here = await makeGroup([held.thousands, held.nearly4000], "CONFIRMED");
    const there = await makeGroup([held.atLeast10, held.exactly361], "CONFIRMED", "Ұсталғандар");
    const result = await mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...here, otherGroupId: there.groupId }) });
    expect(result.groupId).toBe(here.groupId);
    expect(await db.claimGroup.findUniqueOrThrow({ where: { id: here.groupId } })).toMatchObject({ status: "CONFIRMED", label: "Ұсталғандар" });
    expect(await mergedGroupTarget({ actor: reviewer, groupId: there.groupId })).toBe(here.groupId);

    const a = await makeGroup([vote.moreThan70]);
    const b = await makeGroup([vote.exactly70]);
    expect((await mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...a, otherGroupId: b.groupId }) })).groupId).toBe(a.groupId);
  });

  it("leads every id merged away to where its claims are now, through chains of merges, until that group is dissolved", async () => {
    const a = await makeGroup([held.thousands]);
    const b = await makeGroup([held.nearly4000]);
    const c = await makeGroup([held.atLeast10], "CONFIRMED");
    await mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...a, otherGroupId: b.groupId }) });
    // The confirmed group survives; a's address and b's (merged into a before) both lead to it.
    await mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...(await stateOf(a.groupId)), otherGroupId: c.groupId }) });
    for (const gone of [a.groupId, b.groupId, a.groupId.toUpperCase()]) expect(await mergedGroupTarget({ actor: reviewer, groupId: gone })).toBe(c.groupId);
    expect(await mergedGroupTarget({ actor: reviewer, groupId: "not-a-group" })).toBeNull();
    await expect(mergedGroupTarget({ actor: { ...reviewer, active: false } as Actor, groupId: a.groupId })).rejects.toBeInstanceOf(ForbiddenError);

    const d = await makeGroup([held.exactly361]);
    await mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...d, otherGroupId: (await stateOf(c.groupId)).groupId }) });
    expect(await mergedGroupTarget({ actor: reviewer, groupId: d.groupId })).toBe(c.groupId);
    await db.claimGroup.update({ where: { id: c.groupId }, data: { status: "PROPOSED" } });
    await dissolveGroup({ actor: editor, input: dissolveGroupSchema.parse(await stateOf(c.groupId)) });
    // Their claims are in no group now: nowhere to lead.
    for (const gone of [a.groupId, b.groupId, d.groupId]) expect(await mergedGroupTarget({ actor: reviewer, groupId: gone })).toBeNull();
  });

  it("refuses groups of different categories, a vanished group and a stale state, changing nothing", async () => {
    const heldGroup = await makeGroup([held.thousands, held.nearly4000]);
    const voteGroup = await makeGroup([vote.moreThan70, vote.exactly70]);
    const before = await snapshot();
    await expect(mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...heldGroup, otherGroupId: voteGroup.groupId }) })).rejects.toMatchObject({
      code: "libGrouping.refusal.mergeCategoriesDiffer",
      field: "otherGroupId",
      // The codes: the catalogs name them in the reader's language (tests/unit/grouping/refusal-messages.test.ts).
      params: { a: "DETENTION_COUNT", b: "VOTE_SHARE" },
      message: "These groups hold different kinds of figures (detention count, vote share); claims of one fact share a category.",
    });
    await expect(
      mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...heldGroup, otherGroupId: "0194d1c4-5b6a-7c2e-8f00-000000000001" }) }),
    ).rejects.toMatchObject({ kind: "not-found", field: "otherGroupId" });
    await expectConflict(mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...heldGroup, expectedUpdatedAt: "2020-01-01T00:00:00Z", otherGroupId: voteGroup.groupId }) }));
    await expect(mergeGroups({ actor: reviewer, input: mergeGroupsSchema.parse({ ...heldGroup, otherGroupId: voteGroup.groupId }) })).rejects.toBeInstanceOf(ForbiddenError);
    expect(mergeGroupsSchema.safeParse({ ...heldGroup, otherGroupId: heldGroup.groupId.toUpperCase() }).error?.issues[0]).toMatchObject({ path: ["otherGroupId"] });
    expect(await snapshot()).toEqual(before);
  });

  it("is all or nothing", async () => {
    const a = await makeGroup([held.thousands, held.nearly4000]);
    const b = await makeGroup([held.atLeast10, held.exactly361], "CONFIRMED");
    await db.claimGroupExclusion.create({ data: exclusionPair(held.thousands, held.atLeast10) });
    const before = await snapshot();
    await withFailingAudit("group.merge", () => mergeGroups({ actor: editor, input: mergeGroupsSchema.parse({ ...a, otherGroupId: b.groupId }) }));
    expect(await snapshot()).toEqual(before);
  });
});

describe("dissolving a proposed group", () => {
  it("rejects the proposal and keeps every pair of it apart from now on", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000, held.atLeast10]);
    expect(await dissolveGroup({ actor: editor, input: dissolveGroupSchema.parse(state) })).toEqual({ groupId: null, updatedAt: null });
    expect(await db.claimGroup.count({ where: { id: state.groupId } })).toBe(0);
    expect(await exclusionsAmong(Object.values(held))).toEqual(
      pairs([
        [held.thousands, held.nearly4000],
        [held.thousands, held.atLeast10],
        [held.nearly4000, held.atLeast10],
      ]),
    );
    expect((await eventsFor(state.groupId))[0]).toMatchObject({ action: "group.dissolve", before: { claimIds: [held.thousands, held.nearly4000, held.atLeast10] }, after: { exclusions: 3 } });
  });

  it("does not reject a confirmed group wholesale, nor for a reviewer", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000], "CONFIRMED");
    const before = await snapshot();
    await expect(dissolveGroup({ actor: editor, input: dissolveGroupSchema.parse(state) })).rejects.toMatchObject({ code: "libGrouping.refusal.confirmedNotRejected" });
    await expect(dissolveGroup({ actor: reviewer, input: dissolveGroupSchema.parse(state) })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });

  it("is all or nothing", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000, held.atLeast10]);
    const before = await snapshot();
    await withFailingAudit("group.dissolve", () => dissolveGroup({ actor: editor, input: dissolveGroupSchema.parse(state) }));
    expect(await snapshot()).toEqual(before);
  });
});

describe("adding a claim to a group", () => {
  it("adds it by its review link, overriding an earlier exclusion", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000]);
    await db.claimGroupExclusion.create({ data: exclusionPair(held.nearly4000, held.exactly361) });
    const input = addClaimToGroupSchema.parse({ ...state, claim: `https://derek.example/review/${held.exactly361.toUpperCase()}` });
    await addClaimToGroup({ actor: editor, input });
    expect(await membersOf(state.groupId)).toEqual(sorted([held.thousands, held.nearly4000, held.exactly361]));
    expect(await exclusionCount()).toBe(0);
    expect((await eventsFor(state.groupId))[0]).toMatchObject({ action: "group.add_claim", after: { addedClaimId: held.exactly361, exclusionsForgotten: 1 } });
  });

  it("refuses a claim of another group, of another category, or unknown, each on the claim field", async () => {
    const state = await makeGroup([held.thousands, held.nearly4000]);
    await makeGroup([held.atLeast10, held.exactly361]);
    const before = await snapshot();
    const add = (claim: string) => addClaimToGroup({ actor: editor, input: addClaimToGroupSchema.parse({ ...state, claim }) });
    await expect(add(held.atLeast10)).rejects.toMatchObject({ field: "claim", code: "libGrouping.refusal.claimInOtherGroup" });
    await expect(add(vote.exactly70)).rejects.toMatchObject({
      field: "claim",
      code: "libGrouping.refusal.claimCategoryDiffers",
      params: { claimCategory: "VOTE_SHARE", groupCategory: "DETENTION_COUNT" },
      message: "This claim is a vote share figure and the group's are detention count; claims of one fact share a category.",
    });
    await expect(add(held.thousands)).rejects.toMatchObject({ field: "claim", code: "libGrouping.refusal.claimAlreadyInGroup" });
    await expect(add("0194d1c4-5b6a-7c2e-8f00-000000000001")).rejects.toMatchObject({ field: "claim", kind: "not-found" });
    expect(addClaimToGroupSchema.safeParse({ ...state, claim: "the one about Almaty" }).error?.issues[0]).toMatchObject({
      path: ["claim"],
      message: "libGrouping.input.pasteClaimLink",
    });
    await expect(addClaimToGroup({ actor: reviewer, input: addClaimToGroupSchema.parse({ ...state, claim: vote.exactly70 }) })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });
});
