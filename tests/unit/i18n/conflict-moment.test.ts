import { describe, expect, it } from "vitest";
import { ArticleConflictError } from "@/lib/articles/article-errors";
import { claimChangedError } from "@/lib/claims/claim-errors";
import { loadMessages } from "@/lib/i18n/catalog";
import { createMessageTranslator } from "@/lib/i18n/message-translator";
import { REPO_ROOT } from "../../support/paths";

// "Someone changed this" names the time as every page does (Almaty, the reader's language), not UTC.
const en = loadMessages("en", REPO_ROOT);
const translator = (locale: "en" | "kk" | "ru") => createMessageTranslator(en, loadMessages(locale, REPO_ROOT), locale);
// 20:30 UTC on 5 March is 01:30 on 6 March in Almaty.
const at = new Date("2025-03-05T20:30:12.345Z");

describe("the time in a conflict message", () => {
  it("is written in Almaty time in each language, never as UTC", () => {
    const message = claimChangedError("Нұрлан", at).message;
    expect(translator("en")(message)).toBe("This claim was changed by Нұрлан at 6 March 2025, 01:30 after you opened it. Reload to see their change; nothing of yours was saved.");
    expect(translator("kk")(message)).toBe("Сіз ашқаннан кейін бұл мәлімдемені Нұрлан өзгертті (6 наурыз 2025, 01:30). Өзгерісті көру үшін бетті қайта жүктеңіз; сіз енгізген ештеңе сақталмады.");
    expect(translator("ru")(message)).toContain("(6 марта 2025 г., 01:30)");
    for (const locale of ["en", "kk", "ru"] as const) expect(translator(locale)(message)).not.toMatch(/UTC|2025-03-05|20:30/);
  });

  it("does so for someone unnamed and for an article too", () => {
    expect(translator("kk")(claimChangedError(null, at).message)).toContain("басқа біреу өзгертті (6 наурыз 2025, 01:30)");
    expect(translator("ru")(new ArticleConflictError(4, "Бақыт", at).message)).toContain("Бақыт (6 марта 2025 г., 01:30; теперь это версия 4)");
    expect(translator("en")(claimChangedError("Нұрлан", null).message)).toBe("This claim was changed by Нұрлан after you opened it. Reload to see their change; nothing of yours was saved.");
  });
});
