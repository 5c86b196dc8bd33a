import { describe, expect, it } from "vitest";
import { compareKazakh, sortKazakh } from "@/lib/i18n/collation";
import { formatDay, formatMoment, formatMonth, formatNumber } from "@/lib/i18n/format";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { createMessageTranslator, templateShape } from "@/lib/i18n/message-translator";

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("dates and numbers per language", () => {
  it("writes a day the Kazakh newsroom way, and the Russian and English ways", () => {
    expect(formatDay("2020-03-05", "kk")).toBe("5 наурыз 2020");
    expect(formatDay(new Date("2019-06-09T00:00:00Z"), "kk")).toBe("9 маусым 2019");
    expect(formatDay("2020-03-05", "ru")).toMatch(/^5 марта 2020/);
    expect(formatDay("2020-03-05", "en")).toBe("5 March 2020");
  });

  it("shows a moment in Almaty time", () => {
    // 20:30 UTC is 01:30 the next day in Almaty (UTC+5 since March 2024; UTC+6 before).
    expect(formatMoment(new Date("2025-03-05T20:30:00Z"), "kk")).toBe("6 наурыз 2025, 01:30");
    expect(formatMoment(new Date("2020-03-05T20:30:00Z"), "en")).toBe("6 March 2020, 02:30");
  });

  it("uses a decimal comma and spaced thousands in Kazakh and Russian", () => {
    expect(spaces(formatNumber(12345.6, "kk"))).toBe("12 345,6");
    expect(spaces(formatNumber("70.96", "ru"))).toBe("70,96");
    expect(formatNumber(12345.6, "en")).toBe("12,345.6");
  });
});

describe("Kazakh alphabetical order", () => {
  it("puts ә after а, ғ after г, ү and ұ after у, і after ы", () => {
    const names = ["Ырыс", "Іскер", "Ғалым", "Гүлнар", "Әсем", "Асан", "Ұлан", "Үміт", "Уәли"];
    expect(sortKazakh(names, (n) => n)).toEqual(["Асан", "Әсем", "Гүлнар", "Ғалым", "Уәли", "Ұлан", "Үміт", "Ырыс", "Іскер"]);
    expect(compareKazakh("қала", "кітап")).toBeGreaterThan(0);
  });
});

describe("the browser's language", () => {
  it("picks the best of Kazakh, Russian and English by quality", () => {
    expect(localeFromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(localeFromAcceptLanguage("de-DE,en;q=0.5,kk;q=0.7")).toBe("kk");
    expect(localeFromAcceptLanguage("de-DE,fr;q=0.5")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});

describe("translating lib's English messages", () => {
  const en = { libTest: { unknown: "Unknown status “{value}”. Choose one of: {choices}.", plain: "Select some words, not only spaces." }, ledger: { title: "Ledger" } };
  const ru = { libTest: { unknown: "Неизвестный статус «{value}». Выберите: {choices}.", plain: "Выделите слова, а не только пробелы." }, ledger: { title: "Реестр" } };
  const translate = createMessageTranslator(en, ru, "ru");

  it("translates a plain sentence and one with values in it", () => {
    expect(translate("Select some words, not only spaces.")).toBe("Выделите слова, а не только пробелы.");
    expect(translate("Unknown status “APPROVED”. Choose one of: DRAFT, VERIFIED.")).toBe("Неизвестный статус «APPROVED». Выберите: DRAFT, VERIFIED.");
  });

  it("leaves a message it has no entry for, and the interface's own entries, as they are", () => {
    expect(translate("Something nobody catalogued.")).toBe("Something nobody catalogued.");
    expect(translate("Ledger")).toBe("Ledger");
  });
});

describe("messages inside messages", () => {
  it("translates a reason carried inside another message", () => {
    const en = { libX: { cannotSave: "The filter cannot be saved: {reason}", swap: "The largest figure is less than the smallest; swap them." } };
    const kk = { libX: { cannotSave: "Сүзгіні сақтау мүмкін емес: {reason}", swap: "Ең үлкен сан ең кішісінен аз; орындарын ауыстырыңыз." } };
    const translate = createMessageTranslator(en, kk, "kk");
    expect(translate("The filter cannot be saved: The largest figure is less than the smallest; swap them.")).toBe(
      "Сүзгіні сақтау мүмкін емес: Ең үлкен сан ең кішісінен аз; орындарын ауыстырыңыз.",
    );
  });
});

describe("codes named by the catalogs", () => {
  const kinds = (arg: string, vote: string, turnout: string) => `{${arg}, select, VOTE_SHARE {${vote}} TURNOUT {${turnout}} other {{${arg}}}}`;
  const en = { libX: { differ: `A ${kinds("mine", "vote share", "turnout")} figure, not ${kinds("theirs", "vote share", "turnout")}.`, after: "After {day}." } };
  const ru = { libX: { differ: `Цифра «${kinds("mine", "доля голосов", "явка")}», а не «${kinds("theirs", "доля голосов", "явка")}».`, after: "После {day}." } };

  it("matches the code lib/ wrote where the English template has a select, and names it in the reader's language", () => {
    expect(createMessageTranslator(en, ru, "ru")("A VOTE_SHARE figure, not TURNOUT.")).toBe("Цифра «доля голосов», а не «явка».");
  });

  it("names the code in English too, and keeps an unknown code as written", () => {
    const english = createMessageTranslator(en, en, "en");
    expect(english("A TURNOUT figure, not VOTE_SHARE.")).toBe("A turnout figure, not vote share.");
    expect(english("A WEATHER figure, not TURNOUT.")).toBe("A WEATHER figure, not turnout.");
  });

  it("still matches the plain templates beside it", () => {
    expect(createMessageTranslator(en, ru, "ru")("After 2020-03-05.")).toBe("После 2020-03-05.");
  });

  it("gives the shape the code writes, each argument as {}", () => {
    expect(templateShape(en.libX.differ)).toBe("A {} figure, not {}.");
    expect(templateShape("Unknown status “{value}”. Choose one of: {choices}.")).toBe("Unknown status “{}”. Choose one of: {}.");
  });
});

describe("Kazakh without the browser's Kazakh locale data", () => {
  it("names months itself and borrows Russian number patterns", () => {
    expect(formatMonth("2026-09-01", "kk")).toBe("қыркүйек 2026");
    expect(formatMonth("2026-09-01", "en")).toBe("September 2026");
    expect(spaces(formatNumber(1234.5, "kk"))).toBe("1 234,5");
  });
});
