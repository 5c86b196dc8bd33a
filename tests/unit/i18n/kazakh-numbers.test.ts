import { createTranslator } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { formatNumber } from "@/lib/i18n/format";
import { installKazakhNumbers, withKazakhNumbers } from "@/lib/i18n/kazakh-numbers";

const NativeNumberFormat = Intl.NumberFormat;

/** Intl as in Debian's Chromium: no Kazakh number data, so "kk" falls back to English digits. */
const WithoutKazakhData = function (locales?: string | string[], options?: Intl.NumberFormatOptions) {
  const first = Array.isArray(locales) ? locales[0] : locales;
  return new NativeNumberFormat(first?.startsWith("kk") ? "en-US" : locales, options);
} as unknown as typeof Intl.NumberFormat;
WithoutKazakhData.supportedLocalesOf = (locales) => NativeNumberFormat.supportedLocalesOf(locales).filter((l) => !l.startsWith("kk"));

const messages = {
  importPage: { hint: "ең көбі {max, number} таңба", progress: "{finished, number} / {total, number} файл" },
  workbench: { heading: "Ұсыныстар ({count, number})", count: "{count, plural, other {# мәлімдеме}}" },
};

function kazakhPage() {
  const t = createTranslator({ locale: "kk", messages });
  return [t("importPage.hint", { max: 200000 }), t("workbench.heading", { count: 2587 }), t("workbench.count", { count: 12345 }), t("importPage.progress", { finished: 1500, total: 70000 })];
}

const EXPECTED = ["ең көбі 200\u00a0000 таңба", "Ұсыныстар (2\u00a0587)", "12\u00a0345 мәлімдеме", "1\u00a0500 / 70\u00a0000 файл"];

afterEach(() => {
  Intl.NumberFormat = NativeNumberFormat;
});

describe("Kazakh numbers whatever the runtime's ICU data", () => {
  it("shows how a runtime without Kazakh data writes them unaided", () => {
    Intl.NumberFormat = WithoutKazakhData;
    expect(kazakhPage()[0]).toBe("ең көбі 200,000 таңба");
  });

  it("writes catalog numbers the same with and without Kazakh data", () => {
    Intl.NumberFormat = withKazakhNumbers(WithoutKazakhData);
    const withoutData = kazakhPage();
    Intl.NumberFormat = withKazakhNumbers(NativeNumberFormat);
    const withData = kazakhPage();
    expect(withoutData).toEqual(EXPECTED);
    expect(withData).toEqual(EXPECTED);
  });

  it("writes formatNumber's figures the same with and without Kazakh data", () => {
    const figures = () => [formatNumber(200000, "kk"), formatNumber(2587, "kk"), formatNumber("70.96", "kk"), formatNumber(-1234.5, "kk")];
    Intl.NumberFormat = WithoutKazakhData;
    const withoutData = figures();
    Intl.NumberFormat = NativeNumberFormat;
    expect(withoutData).toEqual(["200\u00a0000", "2\u00a0587", "70,96", "-1\u00a0234,5"]);
    expect(figures()).toEqual(withoutData);
  });

  it("leaves Russian and English to Intl, and installs itself once", () => {
    const intl = { NumberFormat: WithoutKazakhData } as typeof Intl;
    installKazakhNumbers(intl);
    const installed = intl.NumberFormat;
    installKazakhNumbers(intl);
    expect(intl.NumberFormat).toBe(installed);
    expect(new intl.NumberFormat("en").format(2587)).toBe("2,587");
    expect(new intl.NumberFormat("ru").format(2587)).toBe(new NativeNumberFormat("ru").format(2587));
    expect(new intl.NumberFormat(["kk-KZ"]).format(0.5)).toBe("0,5");
    expect(new intl.NumberFormat("kk").resolvedOptions().locale).toBe("kk");
  });
});
