import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { decodeCodedMessage, encodeCodedMessage } from "@/lib/core/coded-text";
import { messageText, type CatalogTranslator } from "@/lib/i18n/coded-message";

// A message of lib/ is a code with parameters, worded once where it is shown.
const en = {
  libX: {
    unknown: "Unknown status “{value}”. Choose one of: {choices}.",
    cannotSave: "The filter cannot be saved: {reason}",
    swap: "The largest figure is less than the smallest; swap them.",
    differ: "A {mine, select, VOTE_SHARE {vote share} TURNOUT {turnout} other {{mine}}} figure.",
    changed: "Changed at {moment}.",
  },
};
const ru = {
  libX: {
    unknown: "Неизвестный статус «{value}». Выберите: {choices}.",
    cannotSave: "Фильтр нельзя сохранить: {reason}",
    swap: "Наибольшая цифра меньше наименьшей; поменяйте их местами.",
    differ: "Цифра «{mine, select, VOTE_SHARE {доля голосов} TURNOUT {явка} other {{mine}}}».",
    changed: "Изменено {moment}.",
  },
};
const translatorOf = (locale: "en" | "ru", messages: typeof en) => createTranslator({ locale, messages }) as unknown as CatalogTranslator;

describe("a coded message in the reader's language", () => {
  const t = translatorOf("ru", ru);

  it("fills the reader's entry with the parameters", () => {
    expect(messageText(t, { code: "libX.unknown" as never, params: { value: "APPROVED", choices: "DRAFT, VERIFIED" } }, "ru")).toBe("Неизвестный статус «APPROVED». Выберите: DRAFT, VERIFIED.");
    expect(messageText(t, "libX.swap", "ru")).toBe("Наибольшая цифра меньше наименьшей; поменяйте их местами.");
  });

  it("names a code passed as a parameter in the reader's words", () => {
    expect(messageText(t, { code: "libX.differ" as never, params: { mine: "TURNOUT" } }, "ru")).toBe("Цифра «явка».");
    expect(messageText(translatorOf("en", en), { code: "libX.differ" as never, params: { mine: "VOTE_SHARE" } }, "en")).toBe("A vote share figure.");
  });

  it("translates a message code carried as a parameter", () => {
    expect(messageText(t, { code: "libX.cannotSave" as never, params: { reason: "libX.swap" } }, "ru")).toBe("Фильтр нельзя сохранить: Наибольшая цифра меньше наименьшей; поменяйте их местами.");
  });

  it("writes a {moment} in Almaty time, never as UTC", () => {
    // 20:30 UTC on 5 March is 01:30 on 6 March in Almaty.
    const shown = messageText(t, { code: "libX.changed" as never, params: { moment: "2025-03-05T20:30:12.345Z" } }, "ru");
    expect(shown).toBe("Изменено 6 марта 2025 г., 01:30.");
  });

  it("shows words as they are, and a code without an entry as the code rather than nothing", () => {
    expect(messageText(t, "Something nobody catalogued.", "ru")).toBe("Something nobody catalogued.");
    expect(messageText(t, "libX.nothing", "ru")).toBe("libX.nothing");
  });

  it("crosses a text-only channel and comes back as the same coded message", () => {
    const coded = { code: "libAuth.signIn.rateLimited" as const, params: { minutes: 15 } };
    expect(decodeCodedMessage(encodeCodedMessage(coded))).toEqual(coded);
    expect(decodeCodedMessage("Wrong email or password.")).toBe("Wrong email or password.");
  });
});
