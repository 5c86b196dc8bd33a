import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { proposeGroups } from "@/lib/grouping/propose-groups";
import { clearClaims, groupOf, makeActor, membersOf, seedArticle, sorted, tagOn, type SeedArticle } from "./fixtures";

// Accepting a suggestion fills the unit with the suggester's code ("person"); editors type words
// in any of the newsroom's languages. Both are stored as the code, and rows written before codes
// (the words themselves) still group with them.
let editor: Actor;
let nurOtan: SeedArticle;
let observers: SeedArticle;

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@units.test", "Әйгерім");
  nurOtan = await seedArticle("000_cfd52a1e966a8c28.txt", { outlet: "Азаттық" });
  observers = await seedArticle("002_37550b50464d8635.txt", { outlet: "Азаттық" });
});

beforeEach(clearClaims);

describe("grouping claims whose units were written as words", () => {
  it("stores a typed word as the unit's code", async () => {
    const typed = await tagOn(editor, nurOtan, "мыңдаған адамды", { unit: "адамдар" });
    const russian = await tagOn(editor, observers, "төрт мыңға жуық адам", { unit: "Человек" });
    const stored = await db.claim.findMany({ where: { id: { in: [typed.id, russian.id] } }, select: { unit: true } });
    expect(stored.map((c) => c.unit)).toEqual(["person", "person"]);
  });

  it("puts a suggested claim and a hand-typed one of the same fact in one group", async () => {
    const suggested = await tagOn(editor, nurOtan, "мыңдаған адамды");
    const typed = await tagOn(editor, observers, "төрт мыңға жуық адам", { unit: "people", claimant: "Ерлан Тұрғымбаев" });
    await proposeGroups({ actor: editor });
    const group = await groupOf(suggested.id);
    expect(group).not.toBeNull();
    expect(await membersOf(group!.id)).toEqual(sorted([suggested.id, typed.id]));
  });

  it("groups rows that still hold words from before", async () => {
    const a = await tagOn(editor, nurOtan, "70 пайыздан астам");
    const b = await tagOn(editor, observers, "70 пайыз");
    // As a claim typed before units were codes: the Russian word, bypassing the form.
    await db.claim.update({ where: { id: a.id }, data: { unit: "процентов" } });
    await db.claim.update({ where: { id: b.id }, data: { unit: "пайыз" } });
    await proposeGroups({ actor: editor });
    const group = await groupOf(a.id);
    expect(group).not.toBeNull();
    expect(await membersOf(group!.id)).toEqual(sorted([a.id, b.id]));
  });
});
