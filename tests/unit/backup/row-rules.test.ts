import { describe, expect, it } from "vitest";
import { InstanceNotEmptyError, RestoreRefusedError } from "@/lib/backup/restore-errors";
import {
  addLastReview,
  articleUrlRule,
  claimRatingRule,
  claimStatusRule,
  commentRule,
  documentRule,
  isHttpUrl,
  reviewRule,
  sourceRule,
  type LastReviews,
} from "@/lib/backup/row-rules";
import { englishMessage } from "@/lib/core/english-messages";
import type { CodedMessage } from "@/lib/core/message-codes";
import { translatorFor } from "../../support/translate-message";

// A rule's reason in English, as the command line and the API say it.
const en = (reason: CodedMessage | null) => (reason === null ? null : englishMessage(reason.code, reason.params));

const TEXT = "Алматыда 400 адам ұсталды.\nСот 5 жылға соттады.";
const doc = (first: unknown[]) => ({
  type: "doc",
  content: [
    { type: "paragraph", content: first },
    { type: "paragraph", content: [{ type: "text", text: "Сот 5 жылға соттады." }] },
  ],
});
const linked = (href: string) => doc([{ type: "text", text: "Алматыда 400 адам " }, { type: "text", text: "ұсталды", marks: [{ type: "link", attrs: { href } }] }, { type: "text", text: "." }]);
const AUTHOR = "author";
const REVIEWER = "reviewer";

describe("the rules a restored row keeps", () => {
  it("takes http(s) addresses with a host only", () => {
    for (const url of ["https://azattyq.org/a/1", "http://kaztag.kz"]) expect(isHttpUrl(url)).toBe(true);
    for (const url of ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x.kz", "https://", "//evil.example", "not a url"]) expect(isHttpUrl(url), url).toBe(false);
    expect(en(articleUrlRule(null))).toBeNull();
    expect(en(articleUrlRule("JaVaScRiPt:alert(1)"))).toMatch(/^The article's address "JaVaScRiPt:alert\(1\)" is not a web address/);
    expect(en(sourceRule({ url: "https://gov.kz", archivedUrl: null }))).toBeNull();
    expect(en(sourceRule({ url: "https://gov.kz", archivedUrl: "vbscript:x" }))).toMatch(/archive address/);
  });

  it("takes a document whose plain text is the stored text and whose links are http(s)", () => {
    expect(en(documentRule(linked("https://police.kz"), TEXT))).toBeNull();
    expect(en(documentRule(linked("javascript:alert(1)"), TEXT))).toBe('A link in the document goes to "javascript:alert(1)"; only http:// and https:// addresses are kept.');
    expect(en(documentRule(linked("https://police.kz"), TEXT.replace("400", "4000")))).toMatch(/^The text does not match the plain text of the document/);
    expect(en(documentRule({ type: "doc", content: [{ type: "script", text: "x" }] }, ""))).toMatch(/^The document is not one the article viewer can show \(/);
    // Built without complaint by nodeFromJSON, refused by the schema's content rules.
    expect(en(documentRule({ type: "doc", content: [{ type: "text", text: "no paragraph" }] }, "no paragraph"))).toMatch(/^The document is not one the article viewer can show/);
    expect(en(documentRule({ type: "paragraph", content: [{ type: "text", text: "x" }] }, "x"))).toMatch(/its top node is not a document/);
  });

  it("holds reviews to the decision form and the two-person rule", () => {
    expect(en(reviewRule({ decision: "APPROVED", rating: "TRUE", comment: null }, REVIEWER, AUTHOR))).toBeNull();
    expect(en(reviewRule({ decision: "APPROVED", rating: "TRUE", comment: null }, AUTHOR, AUTHOR))).toBe("The reviewer is the claim's own author; nobody reviews a claim they wrote.");
    expect(en(reviewRule({ decision: "DISPUTED", rating: null, comment: "даулы" }, AUTHOR, AUTHOR))).toMatch(/own author/);
    // Re-opening a verified claim is not a decision on one's own work: the policy allows it.
    expect(en(reviewRule({ decision: "REOPENED", rating: null, comment: "түзетілді" }, AUTHOR, AUTHOR))).toBeNull();
    expect(en(reviewRule({ decision: "APPROVED", rating: null, comment: null }, REVIEWER, AUTHOR))).toBe("An approval without a verdict.");
    expect(en(reviewRule({ decision: "RETURNED", rating: "FALSE", comment: "x" }, REVIEWER, AUTHOR))).toMatch(/^A verdict goes only with an approval/);
    expect(en(reviewRule({ decision: "RETURNED", rating: null, comment: "  " }, REVIEWER, AUTHOR))).toBe("A review of decision returned needs its comment (the reason given).");
    expect(en(commentRule("Қараймын"))).toBeNull();
    expect(en(commentRule(" \n "))).toBe("A comment without words.");
  });

  it("holds a claim's status and verdict to its last reviews", () => {
    const reviews = (...list: [string, "APPROVED" | "RETURNED" | "DISPUTED" | "REOPENED", string | null][]) =>
      list.reduce<LastReviews | undefined>((last, [createdAt, decision, rating]) => addLastReview(last, { createdAt, decision, rating: rating as "TRUE" | null }), undefined);
    const approved = reviews(["2026-11-01T10:00:00.000Z", "APPROVED", "TRUE"]);
    expect(en(claimStatusRule({ status: "VERIFIED", rating: "TRUE" }, approved))).toBeNull();
    expect(en(claimStatusRule({ status: "VERIFIED", rating: "FALSE" }, approved))).toMatch(/^The claim is verified, but its last review is not an approval/);
    expect(en(claimStatusRule({ status: "VERIFIED", rating: "TRUE" }, undefined))).toMatch(/^The claim is verified/);
    const reopened = reviews(["2026-11-01T10:00:00.000Z", "APPROVED", "TRUE"], ["2026-11-02T10:00:00.000Z", "REOPENED", null]);
    expect(en(claimStatusRule({ status: "SUBMITTED", rating: null }, reopened))).toBeNull();
    expect(claimStatusRule({ status: "VERIFIED", rating: "TRUE" }, reopened)).not.toBeNull();
    // Written in another order than made: the latest time decides, not the line.
    const outOfOrder = reviews(["2026-11-02T10:00:00.000Z", "REOPENED", null], ["2026-11-01T10:00:00+05:00", "APPROVED", "TRUE"]);
    expect(en(claimStatusRule({ status: "SUBMITTED", rating: null }, outOfOrder))).toBeNull();
    // Two reviews of the same millisecond: either may be the last.
    const tie = reviews(["2026-11-01T10:00:00.000Z", "REOPENED", null], ["2026-11-01T10:00:00.000Z", "APPROVED", "TRUE"]);
    expect(en(claimStatusRule({ status: "SUBMITTED", rating: null }, tie))).toBeNull();
    expect(en(claimStatusRule({ status: "DRAFT", rating: null }, undefined))).toBeNull();
    expect(en(claimStatusRule({ status: "DRAFT", rating: null }, reviews(["2026-11-01T10:00:00.000Z", "RETURNED", null])))).toBeNull();
    expect(en(claimStatusRule({ status: "DISPUTED", rating: null }, undefined))).toBe("The claim's status disputed does not follow from its reviews (the last decision is none).");
    expect(en(claimStatusRule({ status: "RETURNED", rating: null }, approved))).toBe("The claim's status returned does not follow from its reviews (the last decision is approved).");
    expect(en(claimRatingRule({ status: "VERIFIED", rating: null }))).toBe("The claim is verified but has no verdict.");
    expect(en(claimRatingRule({ status: "SUBMITTED", rating: "TRUE" }))).toBe("The claim has a verdict but is not verified (its status is awaiting review).");
  });
});

describe("a refusal in the reader's language", () => {
  const translate = translatorFor;
  const reasons = [
    articleUrlRule("javascript:x")!,
    sourceRule({ url: "ftp://x", archivedUrl: null })!,
    sourceRule({ url: "https://x.kz", archivedUrl: "ftp://x" })!,
    documentRule(linked("javascript:alert(1)"), TEXT)!,
    documentRule(linked("https://police.kz"), "other")!,
    documentRule({ type: "doc", content: [{ type: "script" }] }, "")!,
    documentRule({ type: "paragraph" }, "")!,
    reviewRule({ decision: "APPROVED", rating: "TRUE", comment: null }, AUTHOR, AUTHOR)!,
    reviewRule({ decision: "APPROVED", rating: null, comment: null }, REVIEWER, AUTHOR)!,
    reviewRule({ decision: "DISPUTED", rating: "TRUE", comment: "x" }, REVIEWER, AUTHOR)!,
    reviewRule({ decision: "REOPENED", rating: null, comment: null }, REVIEWER, AUTHOR)!,
    claimRatingRule({ status: "VERIFIED", rating: null })!,
    claimRatingRule({ status: "RETURNED", rating: "TRUE" })!,
    claimStatusRule({ status: "VERIFIED", rating: "TRUE" }, undefined)!,
    claimStatusRule({ status: "DISPUTED", rating: null }, undefined)!,
    commentRule("")!,
  ];

  it.each(["kk", "ru"] as const)("has every rule's reason, and the refusal around it, in %s", (locale) => {
    for (const reason of reasons) {
      expect(reason).not.toBeNull();
      const translated = translate(locale)(reason);
      expect(translated, reason.code).not.toBe(translate("en")(reason));
      expect(translated, reason.code).not.toMatch(/\b(DRAFT|SUBMITTED|RETURNED|DISPUTED|VERIFIED|APPROVED|REOPENED)\b/);
      const refusal = new RestoreRefusedError(7, "rule", reason);
      expect(refusal.message).toMatch(/^Line 7: .* Nothing was restored\.$/);
      expect(translate(locale)(refusal.toCoded())).toBe(translated);
    }
    const notEmpty = new InstanceNotEmptyError({ claims: 3, sources: 1, groups: 0, articles: 2 }).toCoded();
    expect(translate(locale)(notEmpty)).toMatch(locale === "kk" ? /^Бұл жүйе бос емес: онда мәлімдемелер: 3,/ : /^Эта система не пуста: в ней есть утверждения: 3,/);
  });

  it("names statuses and decisions in words in English too", () => {
    expect(translate("en")(claimStatusRule({ status: "RETURNED", rating: null }, undefined)!)).toBe("The claim's status returned does not follow from its reviews (the last decision is none).");
  });
});
