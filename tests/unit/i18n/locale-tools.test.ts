import { describe, expect, it } from "vitest";
import { compareKazakh, sortKazakh } from "@/lib/i18n/collation";
import { formatDay, formatMoment, formatMonth, formatNumber } from "@/lib/i18n/format";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

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

describe("Kazakh without the browser's Kazakh locale data", () => {
  it("names months itself and borrows Russian number patterns", () => {
    expect(formatMonth("2026-09-01", "kk")).toBe("қыркүйек 2026");
    expect(formatMonth("2026-09-01", "en")).toBe("September 2026");
    expect(spaces(formatNumber(1234.5, "kk"))).toBe("1 234,5");
  });
});
