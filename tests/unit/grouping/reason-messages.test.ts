import { describe, expect, it } from "vitest";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { compareClaims, type GroupingClaim } from "@/lib/grouping/same-fact";
import { loadMessages } from "@/lib/i18n/catalog";
import { createMessageTranslator } from "@/lib/i18n/message-translator";
import { REPO_ROOT } from "../../support/paths";

// Why the same-fact rule kept two claims apart, as lib/grouping words it and a reader of the group
// and conflict pages sees it: a category or a missing unit is a code in lib/, named by the catalogs.

const claim: GroupingClaim = {
  id: "a",
  articleId: "article-1",
  category: "VOTE_SHARE",
  value: "70",
  min: null,
  max: null,
  unit: "percent",
  qualifier: "EXACT",
  claimant: null,
  eventDate: null,
  quote: "70 пайыз",
  prefix: "",
  suffix: "",
};
const reasonApart = (a: Partial<GroupingClaim>, b: Partial<GroupingClaim>) => {
  const { reasons } = compareClaims({ ...claim, ...a }, { ...claim, id: "b", articleId: "article-2", ...b });
  expect(reasons).toHaveLength(1);
  return reasons[0];
};

const english = loadMessages("en", REPO_ROOT);
const translatorFor = (locale: "en" | "kk" | "ru") => createMessageTranslator(english, loadMessages(locale, REPO_ROOT), locale);

describe("a reason naming categories", () => {
  it("names them in English words, not codes", () => {
    expect(translatorFor("en")(reasonApart({}, { category: "TURNOUT" }))).toBe("different categories (vote share, turnout)");
    expect(translatorFor("en")(reasonApart({ category: "DETENTION_COUNT" }, { category: "SENTENCE_LENGTH" }))).toBe("different categories (detention count, sentence length)");
  });

  it("names them in Kazakh and Russian", () => {
    expect(translatorFor("kk")(reasonApart({}, { category: "TURNOUT" }))).toBe("санаттары әртүрлі (дауыс үлесі, сайлауға келу)");
    expect(translatorFor("ru")(reasonApart({}, { category: "TURNOUT" }))).toBe("разные категории (доля голосов, явка)");
  });

  it("has a name for every category in every language", () => {
    for (const locale of ["en", "kk", "ru"] as const) {
      const translate = translatorFor(locale);
      for (const category of CLAIM_CATEGORIES) {
        const other = category === "OTHER" ? "MONEY" : "OTHER";
        const shown = [translate(reasonApart({ category }, { category: other })), translate(reasonApart({ category: other }, { category }))];
        expect(shown.filter((message) => message.includes(category)), `${locale} ${category}`).toEqual([]);
      }
    }
  });
});

describe("a reason naming units", () => {
  // A share and a bare count are not the same kind of figure; MONEY, since a share category takes
  // a missing unit for a share.
  const shareAgainstNone = () => reasonApart({ category: "MONEY", unit: "percent" }, { category: "MONEY", unit: null });

  it("says in English that a claim has no unit, rather than lib's \"none\"", () => {
    expect(translatorFor("en")(shareAgainstNone())).toBe("different units (percent, no unit)");
    expect(translatorFor("en")(reasonApart({ category: "MONEY", unit: "KZT" }, { category: "MONEY", unit: "USD" }))).toBe("different units (KZT, USD)");
  });

  it("names no unit in Kazakh and Russian too", () => {
    expect(translatorFor("kk")(shareAgainstNone())).toBe("өлшем бірліктері әртүрлі (пайыз, бірліксіз)");
    expect(translatorFor("ru")(shareAgainstNone())).toBe("разные единицы (проценты, без единицы)");
  });

  it("names currencies and measures in Kazakh and Russian, not by their codes", () => {
    const tengeAgainstDollars = reasonApart({ category: "MONEY", unit: "KZT" }, { category: "MONEY", unit: "USD" });
    expect(translatorFor("kk")(tengeAgainstDollars)).toBe("өлшем бірліктері әртүрлі (теңге, АҚШ доллары)");
    expect(translatorFor("ru")(tengeAgainstDollars)).toBe("разные единицы (тенге, доллары США)");
    expect(translatorFor("kk")(reasonApart({ category: "OTHER", unit: "km" }, { category: "OTHER", unit: "minute" }))).toBe("өлшем бірліктері әртүрлі (км, минут)");
  });
});
