import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/review/describe-event";

const by = (action: string, after: unknown = null, actorName: string | null = "Нұрлан Әбенов") => ({ action, actorName, before: null, after });

describe("history lines from audit events", () => {
  it.each([
    [by("claim.submit", { status: "SUBMITTED" }, "Әйгерім Сейітова"), "Әйгерім Сейітова submitted for review"],
    [by("claim.approve", { rating: "TRUE", review: { comment: null } }), "Нұрлан Әбенов approved: true"],
    [by("claim.approve", { rating: "MOSTLY_TRUE", review: { comment: "ІІМ дерегі" } }), "Нұрлан Әбенов approved: mostly true — ІІМ дерегі"],
    [by("claim.return", { review: { comment: "Дереккөз жоқ" } }), "Нұрлан Әбенов returned it to the editor: Дереккөз жоқ"],
    [by("claim.dispute", { review: { comment: "Сандар сәйкес емес" } }), "Нұрлан Әбенов marked it disputed: Сандар сәйкес емес"],
    [by("claim.reopen", { review: { comment: "министрлік түзетті" } }), "Нұрлан Әбенов re-opened it: министрлік түзетті"],
    [by("claim.reassign", { assigneeName: "Гүлнар Қасымова" }, "Дәурен Омаров"), "Дәурен Омаров assigned it to Гүлнар Қасымова"],
    [by("claim.reassign", { assigneeName: null }, "Дәурен Омаров"), "Дәурен Омаров took the assignment off"],
    [by("comment.create", { body: "Қараймын" }), "Нұрлан Әбенов commented: Қараймын"],
    [by("claim.create", {}, null), "Derek tagged the claim"],
    [by("claim.reanchor", { anchorStatus: "ORPHANED" }), "Нұрлан Әбенов revised the article; the claim's words could not be found again"],
    [by("something.new"), "Нұрлан Әбенов: something.new"],
  ])("%#: %s", (event, line) => {
    expect(describeEvent(event)).toBe(line);
  });

  it("shortens long comments only when asked (the activity feed), never in the claim's history", () => {
    const comment = "а".repeat(300);
    const event = by("claim.return", { review: { comment } });
    expect(describeEvent(event)).toContain(comment);
    const short = describeEvent(event, 50);
    expect(short.endsWith("…")).toBe(true);
    expect(short.length).toBeLessThan(100);
  });

  it("does not invent a verdict the event did not record", () => {
    expect(describeEvent(by("claim.approve", { rating: "SORT_OF" }))).toBe("Нұрлан Әбенов approved: no verdict");
  });
});
