import { describe, expect, it } from "vitest";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { translatorFor } from "../../support/translate-message";

// The refusals naming categories, as codes with the categories as parameters, shown through the
// real catalogs.
const claimDiffers = (claimCategory: string, groupCategory: string) => ({ code: "libGrouping.refusal.claimCategoryDiffers" as const, params: { claimCategory, groupCategory } });
const groupsDiffer = (a: string, b: string) => ({ code: "libGrouping.refusal.mergeCategoriesDiffer" as const, params: { a, b } });

describe("a refusal naming categories", () => {
  it("names them in Kazakh", () => {
    const kk = translatorFor("kk");
    expect(kk(claimDiffers("VOTE_SHARE", "DETENTION_COUNT"))).toBe(
      "Бұл мәлімдеменің санаты — «дауыс үлесі», ал топтағы мәлімдемелердің санаты — «ұсталғандар саны»; бір фактінің мәлімдемелері бір санатта болады.",
    );
    expect(kk(groupsDiffer("DETENTION_COUNT", "VOTE_SHARE"))).toBe(
      "Бұл топтардағы сандардың санаттары әртүрлі («ұсталғандар саны», «дауыс үлесі»); бір фактінің мәлімдемелері бір санатта болады.",
    );
  });

  it("names them in Russian", () => {
    const ru = translatorFor("ru");
    expect(ru(claimDiffers("TURNOUT", "SENTENCE_LENGTH"))).toBe(
      "Категория этого утверждения — «явка», а утверждений группы — «срок наказания»; утверждения об одном факте относятся к одной категории.",
    );
    expect(ru(groupsDiffer("MONEY", "CASUALTIES"))).toBe(
      "В этих группах цифры разных категорий («деньги», «жертвы»); утверждения об одном факте относятся к одной категории.",
    );
  });

  it("names them in English words, not codes", () => {
    expect(translatorFor("en")(claimDiffers("VOTE_SHARE", "DETENTION_COUNT"))).toBe(
      "This claim is a vote share figure and the group's are detention count; claims of one fact share a category.",
    );
  });

  it("has a name for every category in every language", () => {
    for (const locale of ["en", "kk", "ru"] as const) {
      const translate = translatorFor(locale);
      for (const category of CLAIM_CATEGORIES) {
        const shown = [translate(claimDiffers(category, "OTHER")), translate(groupsDiffer("MONEY", category))];
        expect(shown.filter((message) => message.includes(category)), `${locale} ${category}`).toEqual([]);
      }
    }
  });
});
