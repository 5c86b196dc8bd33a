import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { confirmGroup } from "@/lib/grouping/confirm-group";
import { dissolveGroup } from "@/lib/grouping/dissolve-group";
import { confirmGroupSchema, dissolveGroupSchema } from "@/lib/grouping/group-schemas";
import { proposeGroups } from "@/lib/grouping/propose-groups";
import { clearClaims, groupOf, makeActor, membersOf, seedArticle, sorted, tagOn, type SeedArticle } from "./fixtures";

let editor: Actor;
let reviewer: Actor;
let nurOtan: SeedArticle;
let nurOtanOther: SeedArticle;
let observers: SeedArticle;

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@propose.test", "Әйгерім");
  reviewer = await makeActor("REVIEWER", "reviewer@propose.test", "Нұрлан");
  nurOtan = await seedArticle("000_cfd52a1e966a8c28.txt", { outlet: "Азаттық" });
  nurOtanOther = await seedArticle("001_297095da23eb7edd.txt", { outlet: "Жас Алаш" });
  observers = await seedArticle("002_37550b50464d8635.txt", { outlet: "Азаттық" });
});

beforeEach(clearClaims);

/** The three facts of the seed articles, each told twice, and figures around them. */
async function tagSeedClaims() {
  return {
    shareA: await tagOn(editor, nurOtan, "он пайызына жуығы", { claimant: "Станислав Канкуров" }),
    shareB: await tagOn(editor, nurOtanOther, "10 пайызы ғана", { claimant: "Станислав Канкуров" }),
    voteA: await tagOn(editor, nurOtan, "70 пайыздан астам"),
    voteB: await tagOn(editor, observers, "70 пайыз"),
    heldA: await tagOn(editor, nurOtan, "мыңдаған адамды"),
    heldB: await tagOn(editor, observers, "төрт мыңға жуық адам", { claimant: "Ерлан Тұрғымбаев" }),
    meeting: await tagOn(editor, observers, "25 шақты адам"),
    minutes: await tagOn(editor, nurOtanOther, "33 минуттан бері"),
  };
}

const confirm = async (groupId: string, label?: string) => {
  const group = await db.claimGroup.findUniqueOrThrow({ where: { id: groupId } });
  return confirmGroup({ actor: editor, input: confirmGroupSchema.parse({ groupId, expectedUpdatedAt: group.updatedAt.toISOString(), label }) });
};

describe("proposing groups", () => {
  it("writes one proposed group per fact, with an audit event each, and leaves other figures alone", async () => {
    const c = await tagSeedClaims();
    const result = await proposeGroups({ actor: editor });
    expect(result).toMatchObject({ proposed: 3, kept: 0, withdrawn: 0, claims: 8 });
    expect(result.comparisons).toBeLessThan((8 * 7) / 2);

    const groups = await db.claimGroup.findMany({ select: { id: true, status: true, createdById: true } });
    expect(groups).toHaveLength(3);
    expect(groups.every((g) => g.status === "PROPOSED" && g.createdById === editor.id)).toBe(true);
    const shareGroup = (await groupOf(c.shareA.id))!.id;
    expect(await membersOf(shareGroup)).toEqual(sorted([c.shareA.id, c.shareB.id]));
    expect(await membersOf((await groupOf(c.voteA.id))!.id)).toEqual(sorted([c.voteA.id, c.voteB.id]));
    expect(await membersOf((await groupOf(c.heldA.id))!.id)).toEqual(sorted([c.heldA.id, c.heldB.id]));
    expect(await groupOf(c.meeting.id)).toBeNull();
    expect(await groupOf(c.minutes.id)).toBeNull();

    const events = await db.auditEvent.findMany({ where: { action: "group.propose" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.entityId).sort()).toEqual(groups.map((g) => g.id).sort());
    const shareEvent = events.find((e) => e.entityId === shareGroup)!;
    expect(shareEvent.actorId).toBe(editor.id);
    expect(shareEvent.after).toMatchObject({ status: "PROPOSED", claimIds: [c.shareA.id, c.shareB.id] });
  });

  it("keeps a proposal it finds again, and withdraws one it no longer makes", async () => {
    const c = await tagSeedClaims();
    await proposeGroups({ actor: editor });
    const voteGroup = (await groupOf(c.voteA.id))!;
    const heldGroup = (await groupOf(c.heldA.id))!;

    // One report of the detentions is deleted: that proposal no longer stands.
    await db.claim.update({ where: { id: c.heldB.id }, data: { deletedAt: new Date() } });
    const again = await proposeGroups({ actor: editor });
    expect(again).toMatchObject({ proposed: 0, kept: 2, withdrawn: 1 });
    expect(await groupOf(c.voteA.id)).toEqual(voteGroup);
    expect(await groupOf(c.heldA.id)).toBeNull();
    expect(await db.claimGroup.count({ where: { id: heldGroup.id } })).toBe(0);
    const withdrawal = await db.auditEvent.findFirstOrThrow({ where: { action: "group.withdraw", entityId: heldGroup.id } });
    expect(withdrawal.before).toMatchObject({ status: "PROPOSED", claimIds: [c.heldA.id] });
  });

  it("never proposes again what an editor rejected", async () => {
    const c = await tagSeedClaims();
    await proposeGroups({ actor: editor });
    const vote = (await groupOf(c.voteA.id))!;
    await dissolveGroup({ actor: editor, input: dissolveGroupSchema.parse({ groupId: vote.id, expectedUpdatedAt: vote.updatedAt.toISOString() }) });

    const again = await proposeGroups({ actor: editor });
    expect(again).toMatchObject({ proposed: 0, kept: 2 });
    expect(await groupOf(c.voteA.id)).toBeNull();
    expect(await groupOf(c.voteB.id)).toBeNull();
  });

  it("never touches a confirmed group, nor proposes its claims elsewhere", async () => {
    const c = await tagSeedClaims();
    await proposeGroups({ actor: editor });
    const held = (await groupOf(c.heldA.id))!;
    await confirm(held.id, "9 маусым 2019: ұсталғандар");
    const confirmed = await db.claimGroup.findUniqueOrThrow({ where: { id: held.id } });

    // A third report of the same detentions: it is not pulled into the confirmed group, which is
    // the editors' to extend.
    const third = await tagOn(editor, observers, "төрт мыңға жуық адам", { claimant: "ІІМ" });
    const result = await proposeGroups({ actor: editor });
    expect(result.claims).toBe(7);
    expect(await db.claimGroup.findUniqueOrThrow({ where: { id: held.id } })).toEqual(confirmed);
    expect(await membersOf(held.id)).toEqual(sorted([c.heldA.id, c.heldB.id]));
    expect(await groupOf(third.id)).toBeNull();
  });

  it("is for editors: a reviewer is refused and nothing is written", async () => {
    await tagSeedClaims();
    await expect(proposeGroups({ actor: reviewer })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.claimGroup.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "group.propose", actorId: reviewer.id } })).toBe(0);
  });

  it("writes nothing when it fails halfway", async () => {
    await tagSeedClaims();
    // The audit event of the second proposal fails: the first group must not survive either.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION test_fail_second_proposal() RETURNS trigger AS $$
      BEGIN
        IF NEW.action = 'group.propose' AND (SELECT count(*) FROM "ClaimGroup") >= 2 THEN
          RAISE EXCEPTION 'audit store unavailable';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_second_proposal BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_fail_second_proposal()`);
    try {
      await expect(proposeGroups({ actor: editor })).rejects.toThrow("audit store unavailable");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_second_proposal ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_second_proposal()`);
    }
    expect(await db.claimGroup.count()).toBe(0);
    expect(await db.claim.count({ where: { groupId: { not: null } } })).toBe(0);
  });
});
