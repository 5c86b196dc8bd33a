import { describe, expect, it } from "vitest";
import { extractClaims, resolveYears } from "@/lib/extract";

const find = (candidates: ReturnType<typeof extractClaims>, quote: string) => candidates.find((c) => c.text === quote);

describe("event date of a figure", () => {
  it("takes the date its sentence names", () => {
    const c = extractClaims("Арнайы жасақ 10 қаңтарда 361 адамды әкеткен.");
    expect(find(c, "361 адамды")?.date).toBe("--01-10");
  });

  it("takes the date its paragraph names when its own sentence names none", () => {
    const text = "25 қаңтарда кеніште ереуіл басталды. Ереуілге 200-ге жуық жұмысшы шықты.\nКейін 300 адам қосылды.";
    const c = extractClaims(text);
    expect(find(c, "200-ге жуық жұмысшы")?.date).toBe("--01-25");
    // Another paragraph: no date.
    expect(find(c, "300 адам")?.date).toBeNull();
  });

  it("takes the year from a dated phrase earlier in the paragraph", () => {
    const c = extractClaims("2019 жылы наурыз айында ол кетті, ал 9 маусымда сайлауда 70 пайыз дауыс алды.");
    expect(find(c, "9 маусымда")?.date).toBe("2019-06-09");
    expect(find(c, "70 пайыз")?.date).toBe("2019-06-09");
  });

  it("takes the year from the publication date, a date far ahead of it belonging to the year before", () => {
    const text = "5 наурызда 30 белсенді жиналды. Отырыс 18 наурызда өтеді. 9 маусымдағы сайлауда ол 70 пайыз алды.";
    const c = extractClaims(text, { publishedAt: "2020-03-05" });
    expect(find(c, "30 белсенді")?.date).toBe("2020-03-05");
    expect(find(c, "18 наурызда")?.date).toBe("2020-03-18");
    expect(find(c, "70 пайыз")?.date).toBe("2019-06-09");
    // Without it the year stays unknown.
    expect(find(extractClaims(text), "30 белсенді")?.date).toBe("--03-05");
  });

  it("completes candidates read without the publication date the same way as reading with it", () => {
    const text = "Бүгін 10 қаңтарда 361 адам ұсталды.\n2021 жылы ақпан айында, 4 ақпанда 5 белсенді босатылды.";
    const later = resolveYears(text, extractClaims(text), new Date("2021-02-10"));
    expect(later).toEqual(extractClaims(text, { publishedAt: new Date("2021-02-10") }));
    expect(find(later, "361 адам")?.date).toBe("2021-01-10");
    expect(find(later, "5 белсенді")?.date).toBe("2021-02-04");
  });
});
