import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalog";
import { LOCALES } from "@/lib/i18n/locales";
import { flattenMessages } from "@/lib/i18n/messages";
import { ACTIVITY_ACTIONS, describeEvent } from "@/lib/review/describe-event";
import { eventLine } from "../../support/event-lines";
import { REPO_ROOT } from "../../support/paths";

const by = (action: string, after: unknown = null, actorName: string | null = "Нұрлан Әбенов", before: unknown = null) => ({ action, actorName, before, after });
const line = (event: ReturnType<typeof by>, locale: "en" | "kk" | "ru" = "en") => eventLine(describeEvent(event), locale);

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
    [by("article.create", {}), "Нұрлан Әбенов: article imported"],
    [by("user.deactivate", {}), "Нұрлан Әбенов: user deactivated"],
    [by("something.new"), "Нұрлан Әбенов: something.new"],
    [by("claim.restored", { sha256: "de74ce6c1b1050f218e1c26dd811549456b31d838eb0f72a8fe46fbcd685a0b6", line: 7, status: "VERIFIED" }, "Дәурен Омаров"), "Дәурен Омаров restored the claim from a backup file (sha256 de74ce6c1b10…)"],
    [by("review.restored", { sha256: "ab", review: { reviewerName: "Гүлнар Қасымова", decision: "APPROVED", rating: "MOSTLY_TRUE" } }, null), "Derek restored a review from a backup file: Гүлнар Қасымова approved: mostly true"],
    [by("review.restored", { sha256: "ab", review: { reviewerName: "Гүлнар Қасымова", decision: "REOPENED", rating: null, comment: "x" } }, "Дәурен Омаров"), "Дәурен Омаров restored a review from a backup file: Гүлнар Қасымова re-opened it"],
  ])("%#: %s", (event, expected) => {
    expect(line(event)).toBe(expected);
  });

  it("tells what the features added since did, with counts and names", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);
    expect(line(by("group.propose", { status: "PROPOSED", label: null, claimIds: ids(3) }, null))).toBe("Derek proposed a group of 3 claims that look like the same claim");
    expect(line(by("group.confirm", { label: "Жаңаөзен 2011", claimIds: ids(2) }))).toBe("Нұрлан Әбенов confirmed the group “Жаңаөзен 2011”");
    expect(line(by("group.confirm", { label: null, claimIds: ids(2) }))).toBe("Нұрлан Әбенов confirmed a group of 2 claims as the same claim");
    expect(line(by("group.split", { movedClaimIds: ids(1), dissolved: false }))).toBe("Нұрлан Әбенов split 1 claim off a group");
    expect(line(by("group.remove_claim", { dissolved: true }))).toBe("Нұрлан Әбенов took a claim out of a group; too few were left, so the group was dissolved");
    expect(line(by("group.merge", { mergedInto: "g" }))).toBe("Нұрлан Әбенов merged a group into another");
    expect(line(by("group.dissolve", { exclusions: 3 }, "Нұрлан Әбенов", { claimIds: ids(3) }))).toBe("Нұрлан Әбенов dissolved a group of 3 claims");
    expect(line(by("claimset.delete", null, "Нұрлан Әбенов", { name: "Сайлау" }))).toBe("Нұрлан Әбенов deleted the claim set “Сайлау”");
    expect(line(by("export.created", { format: "csv", claims: 12345 }))).toBe("Нұрлан Әбенов exported 12,345 claims as CSV");
    expect(line(by("export.failed", { format: "jsonl", reason: "cancelled" }))).toBe("Нұрлан Әбенов started a JSON Lines export; it was cancelled");
    expect(line(by("token.issue", { name: "Сайт", userName: "Дәурен Омаров" }))).toBe("Нұрлан Әбенов issued the API token “Сайт” for Дәурен Омаров");
    expect(line(by("backup.restored", { counts: { claims: 1 } }, null))).toBe("Derek restored a backup of 1 claim");
  });

  it("reads in Kazakh and Russian, the verdict and the counts in the reader's language", () => {
    const approval = by("claim.approve", { rating: "MOSTLY_TRUE", review: { comment: null } });
    expect(line(approval, "kk")).toBe("Нұрлан Әбенов мақұлдады, қорытынды: негізінен шындық");
    expect(line(approval, "ru")).toBe("Нұрлан Әбенов: одобрено, вердикт — в основном правда");
    const exported = by("export.created", { format: "csv", claims: 12345 });
    expect(line(exported, "kk")).toBe("Нұрлан Әбенов 12\u00a0345 мәлімдемені CSV форматында экспорттады");
    expect(line(exported, "ru")).toBe("Нұрлан Әбенов: экспорт в формате CSV — 12\u00a0345 утверждений");
    const dissolved = by("group.dissolve", {}, "Нұрлан Әбенов", { claimIds: ["a", "b"] });
    expect(line(dissolved, "ru")).toBe("Нұрлан Әбенов: распущена группа из 2 утверждений");
  });

  it("shortens long comments only when asked (the activity feed), never in the claim's history", () => {
    const comment = "а".repeat(300);
    const event = by("claim.return", { review: { comment } });
    expect(describeEvent(event).values.comment).toBe(comment);
    const short = String(describeEvent(event, 50).values.comment);
    expect(short.endsWith("…")).toBe(true);
    expect(short.length).toBe(50);
  });

  it("does not invent a verdict the event did not record", () => {
    expect(line(by("claim.approve", { rating: "SORT_OF" }))).toBe("Нұрлан Әбенов approved: no verdict");
  });
});

describe("the activity catalog", () => {
  const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, flattenMessages(loadMessages(locale, REPO_ROOT))]));

  it("names every action the feed can be filtered by as lib/ does in English", () => {
    const named = Object.fromEntries([...catalogs.en].filter(([key]) => key.startsWith("activity.action.")).map(([key, text]) => [key.slice("activity.action.".length), text]));
    expect(named).toEqual(ACTIVITY_ACTIONS);
  });

  it("has a sentence, in every language, for every action the feed can show", () => {
    for (const action of Object.keys(ACTIVITY_ACTIONS)) {
      const { key } = describeEvent(by(action, {}));
      expect(key, action).not.toBe("unknown");
      for (const locale of LOCALES) expect(catalogs[locale].has(`activity.event.${key}`), `${locale}: ${key}`).toBe(true);
      expect(line(by(action, {}), "kk"), action).not.toBe(line(by(action, {}), "en"));
    }
  });
});
