import { describe, expect, it } from "vitest";
import { ArticleConflictError } from "@/lib/articles/article-errors";
import { claimChangedError } from "@/lib/claims/claim-errors";
import { translatorFor } from "../../support/translate-message";

// "Someone changed this" names the time as every page does (Almaty, the reader's language), not UTC.
// 20:30 UTC on 5 March is 01:30 on 6 March in Almaty.
const at = new Date("2025-03-05T20:30:12.345Z");
const claimChanged = (name: string | null, moment: Date | null) => claimChangedError(name, moment).toCoded();

describe("the time in a conflict message", () => {
  it("is written in Almaty time in each language, never as UTC", () => {
    const message = claimChanged("Нұрлан", at);
    expect(translatorFor("en")(message)).toBe("This claim was changed by Нұрлан at 6 March 2025, 01:30 after you opened it. Reload to see their change; nothing of yours was saved.");
    expect(translatorFor("kk")(message)).toBe("Сіз ашқаннан кейін бұл мәлімдемені Нұрлан өзгертті (6 наурыз 2025, 01:30). Өзгерісті көру үшін бетті қайта жүктеңіз; сіз енгізген ештеңе сақталмады.");
    expect(translatorFor("ru")(message)).toContain("(6 марта 2025 г., 01:30)");
    for (const locale of ["en", "kk", "ru"] as const) expect(translatorFor(locale)(message)).not.toMatch(/UTC|2025-03-05|20:30/);
  });

  it("does so for someone unnamed and for an article too", () => {
    expect(translatorFor("kk")(claimChanged(null, at))).toContain("басқа біреу өзгертті (6 наурыз 2025, 01:30)");
    expect(translatorFor("ru")(new ArticleConflictError(4, "Бақыт", at).toCoded())).toContain("Бақыт (6 марта 2025 г., 01:30; теперь это версия 4)");
    expect(translatorFor("en")(claimChanged("Нұрлан", null))).toBe("This claim was changed by Нұрлан after you opened it. Reload to see their change; nothing of yours was saved.");
  });

  it("keeps the instant itself in the English message that scripts and logs read", () => {
    expect(new ArticleConflictError(4, null, at).message).toBe("This article was changed by someone else at 2025-03-05T20:30:12.345Z after you opened it (it is now at revision 4). Reload to see their change; nothing of yours was saved.");
  });
});
