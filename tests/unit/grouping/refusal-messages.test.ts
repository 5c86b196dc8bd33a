import { describe, expect, it } from "vitest";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { DerekError } from "@/lib/core/errors";
import { loadMessages } from "@/lib/i18n/catalog";
import { createMessageTranslator } from "@/lib/i18n/message-translator";
import { REPO_ROOT } from "../../support/paths";

// The refusals as lib/grouping writes them (tests/integration/grouping/edit-groups.test.ts holds
// the code to these sentences), shown through the real catalogs.
const claimDiffers = (claim: string, group: string) => `This claim is a ${claim} figure and the group's are ${group}; claims of one fact share a category.`;
const groupsDiffer = (a: string, b: string) => `These groups hold different kinds of figures (${a}, ${b}); claims of one fact share a category.`;

const english = loadMessages("en", REPO_ROOT);
const translatorFor = (locale: "en" | "kk" | "ru") => createMessageTranslator(english, loadMessages(locale, REPO_ROOT), locale);

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

// lib/grouping now throws codes; until the interface translates them itself, their English text
// (categories named in words) and a zod rule's bare code still reach the reader in their language.
describe("a coded refusal during the move to codes", () => {
  it("reads in Kazakh though its English names the categories in words", () => {
    const refusal = new DerekError("libGrouping.refusal.claimCategoryDiffers", { params: { claimCategory: "VOTE_SHARE", groupCategory: "DETENTION_COUNT" } });
    expect(refusal.message).toBe("This claim is a vote share figure and the group's are detention count; claims of one fact share a category.");
    expect(translatorFor("kk")(refusal.message)).toBe(
      "Бұл мәлімдеменің санаты — «дауыс үлесі», ал топтағы мәлімдемелердің санаты — «ұсталғандар саны»; бір фактінің мәлімдемелері бір санатта болады.",
    );
  });

  it("reads a zod rule's code as its entry", () => {
    expect(translatorFor("kk")("libGrouping.input.tickDifferentFact")).toBe("Басқа фактіні хабарлайтын мәлімдемелерді белгілеңіз.");
    expect(translatorFor("en")("libGrouping.input.tickDifferentFact")).toBe("Tick the claims that report a different fact.");
  });
});
