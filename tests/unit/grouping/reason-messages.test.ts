import { describe, expect, it } from "vitest";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { translatorFor } from "../../support/translate-message";

// Why the same-fact rule kept two claims apart, as a reader of the group and conflict pages sees
// it: a category or a missing unit is a code in the reason's parameters, named by the catalogs.
const categories = (a: string, b: string) => ({ code: "libGrouping.reason.differentCategories" as const, params: { a, b } });
const units = (a: string, b: string) => ({ code: "libGrouping.reason.differentUnits" as const, params: { a, b } });

describe("a reason naming categories", () => {
  it("names them in English words, not codes", () => {
    expect(translatorFor("en")(categories("VOTE_SHARE", "TURNOUT"))).toBe("different categories (vote share, turnout)");
    expect(translatorFor("en")(categories("DETENTION_COUNT", "SENTENCE_LENGTH"))).toBe("different categories (detention count, sentence length)");
  });

  it("names them in Kazakh and Russian", () => {
    expect(translatorFor("kk")(categories("VOTE_SHARE", "TURNOUT"))).toBe("санаттары әртүрлі (дауыс үлесі, сайлауға келу)");
    expect(translatorFor("ru")(categories("VOTE_SHARE", "TURNOUT"))).toBe("разные категории (доля голосов, явка)");
  });

  it("has a name for every category in every language", () => {
    for (const locale of ["en", "kk", "ru"] as const) {
      const translate = translatorFor(locale);
      for (const category of CLAIM_CATEGORIES) {
        const other = category === "OTHER" ? "MONEY" : "OTHER";
        const shown = [translate(categories(category, other)), translate(categories(other, category))];
        expect(shown.filter((message) => message.includes(category)), `${locale} ${category}`).toEqual([]);
      }
    }
  });
});

describe("a reason naming units", () => {
  it("says in English that a claim has no unit, rather than lib's \"none\"", () => {
    expect(translatorFor("en")(units("percent", "none"))).toBe("different units (percent, no unit)");
    expect(translatorFor("en")(units("KZT", "USD"))).toBe("different units (KZT, USD)");
  });

  it("names no unit in Kazakh and Russian too", () => {
    expect(translatorFor("kk")(units("percent", "none"))).toBe("өлшем бірліктері әртүрлі (пайыз, бірліксіз)");
    expect(translatorFor("ru")(units("percent", "none"))).toBe("разные единицы (проценты, без единицы)");
  });

  it("names currencies and measures in Kazakh and Russian, not by their codes", () => {
    expect(translatorFor("kk")(units("KZT", "USD"))).toBe("өлшем бірліктері әртүрлі (теңге, АҚШ доллары)");
    expect(translatorFor("ru")(units("KZT", "USD"))).toBe("разные единицы (тенге, доллары США)");
    expect(translatorFor("kk")(units("km", "minute"))).toBe("өлшем бірліктері әртүрлі (км, минут)");
  });
});
