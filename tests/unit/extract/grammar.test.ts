/**
 * The suggester's reading of Kazakh number grammar, one table per feature. Each row is
 * [text, expected fields of the single (or first) candidate whose text is the given span].
 */
import { describe, expect, it } from "vitest";
import { extractClaims, type ClaimCandidate } from "@/lib/extract";

type Row = [string, Partial<ClaimCandidate>];

function only(text: string): ClaimCandidate {
  const cs = extractClaims(text);
  expect(cs, `candidates of «${text}»: ${JSON.stringify(cs)}`).toHaveLength(1);
  return cs[0];
}

function check(rows: Row[]): void {
  it.each(rows)("«%s»", (text, exp) => {
    expect(only(text)).toMatchObject(exp);
  });
}

describe("digits", () => {
  check([
    ["361 адам", { text: "361 адам", value: 361, min: 361, max: 361, unit: "person", qualifier: "EXACT" }],
    ["1000 теңге", { value: 1000, unit: "KZT", category: "MONEY" }],
    ["1 200 адам келді", { text: "1 200 адам", value: 1200 }],
    ["12 000 000 теңге", { value: 12_000_000, unit: "KZT" }],
    ["63,3 пайыз", { value: 63.3, unit: "percent" }],
    ["70,96 пайызы", { value: 70.96, unit: "percent" }],
    ["9-ы", { value: 9 }],
    ["62-сін", { value: 62 }],
    ["40-тан", { value: 40 }],
    ["10 мың адам", { value: 10_000, unit: "person" }],
    ["1,5 млн теңге", { value: 1_500_000, unit: "KZT" }],
    ["2,3 млрд теңге", { value: 2_300_000_000, unit: "KZT" }],
    ["2 млн 500 мың тұрғын", { value: 2_500_000, unit: "тұрғын" }],
  ]);
});

describe("number words", () => {
  check([
    ["он адам", { value: 10 }],
    ["жиырма бес жыл", { value: 25, unit: "year" }],
    ["үш жүз елу бала", { value: 350, unit: "бала" }],
    ["бес жүз алпыс алты", { value: 566 }],
    ["екі мың он тоғыз адам", { value: 2019, unit: "person" }],
    ["он төрт мың бес жүз сексен сегіз", { value: 14588 }],
    ["екі миллион бес жүз отыз төрт мың алты жүз сексен жеті", { value: 2_534_687 }],
    ["бір мың тоғыз жүз", { value: 1900 }],
    ["бір жарым мың", { value: 1500 }],
    ["жеті жарым миллион теңге", { value: 7_500_000, unit: "KZT" }],
    ["екі бүтін оннан сегіз", { value: 2.8 }],
    ["бес бүтін оннан тоғыз триллион теңге", { value: 5.9e12, unit: "KZT" }],
    ["жиырмасы", { value: 20 }],
    ["халықтың үштен бірі", { text: "үштен бірі", value: 1 / 3, unit: "fraction" }],
    ["жарты сағат", { value: 0.5, unit: "hour" }],
    ["екеуі келді", { text: "екеуі", value: 2, unit: "person" }],
  ]);

  it.each([
    ["төрт мыңға", 4000],
    ["мыңнан", 1000],
    ["жүзден", 100],
    ["қырқы", 40],
    ["алпысқа", 60],
    ["сексеннен", 80],
    ["тоқсанның", 90],
    ["миллиардқа", 1e9],
    ["елуі", 50],
  ])("inflected «%s» = %d", (w, v) => {
    expect(only(`${w} адам`).value).toBe(v);
  });
});

describe("homographs are not numbers", () => {
  it.each([
    "Алтын медаль алды.",
    "Бірақ ол келмеді.",
    "Кейін онда ешкім болмады.",
    "Бесік жыры айтылды.",
    "Ол бірге келді.",
    "Оң жақта тұр.",
    "Жетті деп айтты.",
    "Ондай жағдай болмайды.",
    "Оны ешкім көрмеді.",
    "Халық үшін жасалды.",
    "Жер жүзінде бейбітшілік.",
    "Екеуінің пікірі бірдей емес.".replace("Екеуінің ", ""),
    "Бір топ азамат жиналды.",
    "Бір қызығы, ол келмеді.",
    "Олар бір-бірін таныды.",
    "Бірінші орынбасары сөйледі.",
  ])("«%s» has no candidate", (text) => {
    expect(extractClaims(text)).toEqual([]);
  });
});

describe("qualifiers", () => {
  // жуық governs the dative ("towards N"): nearly N, approached from below → max = N, min open.
  check([
    ["төрт мыңға жуық адам", { value: 4000, min: null, max: 4000, unit: "person", qualifier: "APPROXIMATELY" }],
    ["200-ге жуық жұмысшысы", { value: 200, max: 200, unit: "жұмысшы", qualifier: "APPROXIMATELY" }],
    ["он пайызына жуығы", { value: 10, max: 10, unit: "percent", qualifier: "APPROXIMATELY" }],
    ["жүзге таяу", { value: 100, max: 100, qualifier: "APPROXIMATELY" }],
    // астам / аса govern the ablative ("beyond N"): more than N → min = N, max open.
    ["мыңнан астам адам", { value: 1000, min: 1000, max: null, unit: "person", qualifier: "MORE_THAN" }],
    ["20-дан астам белсенді", { value: 20, min: 20, max: null, qualifier: "MORE_THAN" }],
    ["1000-нан аса", { value: 1000, min: 1000, max: null, qualifier: "MORE_THAN" }],
    ["70 пайыздан астам", { value: 70, min: 70, unit: "percent", qualifier: "MORE_THAN" }],
    ["шамамен 45 минут", { value: 45, min: null, max: null, unit: "minute", qualifier: "APPROXIMATELY" }],
    ["25 шақты адам", { value: 25, qualifier: "APPROXIMATELY" }],
    ["300-дей адам", { value: 300, qualifier: "APPROXIMATELY", unit: "person" }],
    ["жүздей адам", { value: 100, qualifier: "APPROXIMATELY" }],
    ["кем дегенде он адам", { value: 10, min: 10, max: null, qualifier: "AT_LEAST" }],
    ["кемі 5 адам", { value: 5, min: 5, max: null, qualifier: "AT_LEAST" }],
    ["5 пайыздан кем емес", { value: 5, min: 5, max: null, qualifier: "AT_LEAST" }],
    ["5 %-тен кем", { value: 5, min: null, max: 5, qualifier: "LESS_THAN" }],
    ["50 пайызға дейін", { value: 50, min: null, max: 50, qualifier: "UP_TO" }],
    ["10 пайызы ғана", { value: 10, min: 10, max: 10, qualifier: "EXACT" }],
    ["2-ақ адам", { value: 2, min: 2, max: 2, qualifier: "EXACT", unit: "person" }],
    ["бес-ақ адам", { value: 5, qualifier: "EXACT" }],
  ]);
});

describe("ranges", () => {
  check([
    ["3-4 күн", { value: null, min: 3, max: 4, unit: "day", qualifier: "APPROXIMATELY" }],
    ["25 – 30 пайыз", { value: null, min: 25, max: 30, unit: "percent" }],
    ["60 – 70 %", { min: 60, max: 70, unit: "percent" }],
    ["екі-үш сағат", { min: 2, max: 3, unit: "hour" }],
    ["бес-алты мың адам", { min: 5000, max: 6000, unit: "person" }],
    ["2-3 млн теңге", { min: 2e6, max: 3e6, unit: "KZT" }],
    ["35–40 минутқа дейін", { min: null, max: 40, qualifier: "UP_TO" }],
  ]);
});

describe("vague quantities", () => {
  // X-даған: plural of the order X, below the next order → [2X, 10X − 1].
  check([
    ["ондаған адам", { value: null, min: 20, max: 99, qualifier: "VAGUE" }],
    ["жүздеген адам", { value: null, min: 200, max: 999, qualifier: "VAGUE" }],
    ["мыңдаған адамды", { value: null, min: 2000, max: 9999, unit: "person", qualifier: "VAGUE" }],
    ["1000-даған тұрғын", { value: null, min: 2000, max: 9999, qualifier: "VAGUE" }],
    ["ондаған мың адам", { min: 20_000, max: 99_999, qualifier: "VAGUE" }],
    ["бірнеше адам", { value: null, min: 2, max: 9, qualifier: "VAGUE" }],
    ["бірнеше мың адам", { min: 2000, max: 9999, qualifier: "VAGUE" }],
  ]);
});

describe("units, inflected", () => {
  check([
    ["77 пайызын", { unit: "percent" }],
    ["30 процентке", { unit: "percent" }],
    ["30 %-ке", { unit: "percent" }],
    ["98 орынның", { unit: "seat", category: "SEAT_COUNT" }],
    ["12 мандат", { unit: "seat", category: "SEAT_COUNT" }],
    ["361 адамды", { unit: "person" }],
    ["3 апта", { unit: "week" }],
    ["15 тәулікке", { unit: "day" }],
    ["5 сағат", { unit: "hour" }],
    ["100 доллар", { unit: "USD", category: "MONEY" }],
    ["9 миллиард АҚШ долларын", { value: 9e9, unit: "USD" }],
    ["50 еуро", { unit: "EUR" }],
    ["300 рубль", { unit: "RUB" }],
    ["20 шақырым", { unit: "km" }],
    ["20 км", { unit: "km" }],
    ["500 шаршы метр", { unit: "m2" }],
    ["3 рет", { unit: "times" }],
  ]);
});

describe("dates", () => {
  check([
    ["5 наурызда", { category: "DATE", date: "--03-05", value: null }],
    ["17 сәуірде", { date: "--04-17" }],
    ["2019 жылғы 5 наурызда", { text: "2019 жылғы 5 наурызда", date: "2019-03-05" }],
    ["маусымның 9-ы күні", { date: "--06-09" }],
    ["тамыздың он тоғызы", { date: "--08-19" }],
    ["2019 жылы наурыз айында", { date: "2019-03" }],
    ["05.03.2020", { date: "2020-03-05" }],
    ["2019 жылы", { date: "2019" }],
    ["2020-сыншы жылы", { date: "2020" }],
    ["екі мың жиырмасыншы жылға", { date: "2020" }],
    ["18 маусым 2019 жыл", { date: "2019-06-18" }],
    ["5 наурыздан бастап", { date: "--03-05", qualifier: "AT_LEAST" }],
    ["5 наурызға дейін", { date: "--03-05", qualifier: "UP_TO" }],
    ["қыркүйекте", { date: "--09" }],
    ["қазан айында", { date: "--10" }],
    ["биыл", { category: "DATE", date: null }],
    ["өткен жылы", { category: "DATE", date: null, qualifier: "EXACT" }],
    ["соңғы жылдары", { category: "DATE", date: null, qualifier: "VAGUE" }],
  ]);

  it.each([
    ["қаңтарда", 1], ["ақпанда", 2], ["наурызда", 3], ["сәуірде", 4], ["мамырда", 5], ["маусымда", 6],
    ["шілдеде", 7], ["тамызда", 8], ["қыркүйекте", 9], ["қазанда", 10], ["қарашада", 11], ["желтоқсанда", 12],
  ])("month «%s» after a day is month %d", (m, n) => {
    expect(only(`1 ${m}`).date).toBe(`--${String(n).padStart(2, "0")}-01`);
  });

  it("does not read the cauldron or the city as October", () => {
    expect(extractClaims("Қазан қаласына барды.")).toEqual([]);
    expect(extractClaims("Үлкен қазанда ет пісті.")).toEqual([]);
  });

  it("gives claims the event date stated in their sentence", () => {
    const cs = extractClaims("10 қаңтарда арнайы жасақ 361 адамды әкеткен.");
    expect(cs.map((c) => [c.text, c.category, c.date])).toEqual([
      ["10 қаңтарда", "DATE", "--01-10"],
      ["361 адамды", "DETENTION_COUNT", "--01-10"],
    ]);
  });

  it("carries a date across the sentences of its paragraph, not into the next paragraph", () => {
    const cs = extractClaims("10 қаңтарда сайлау өтті. Кейін 361 адам ұсталды.\nБұрын 40 адам ұсталған.");
    expect(cs[1]).toMatchObject({ text: "361 адам", date: "--01-10" });
    expect(cs[2]).toMatchObject({ text: "40 адам", date: null });
  });
});

describe("categories from the sentence", () => {
  it.each([
    ["Митингілер кезінде төрт мыңға жуық адам ұсталды.", "төрт мыңға жуық адам", "DETENTION_COUNT"],
    ["Полиция 50 адамды қамауға алды.", "50 адамды", "DETENTION_COUNT"],
    ["Ол 5 жылға сотталды.", "5 жылға", "SENTENCE_LENGTH"],
    ["Белсенді 15 тәулікке қамалды.", "15 тәулікке", "SENTENCE_LENGTH"],
    ["Тоқаев 70 пайыз дауысқа ие болды.", "70 пайыз", "VOTE_SHARE"],
    ["Сайлаушылардың 63,3 пайызы сайлауға қатысты.", "63,3 пайызы", "TURNOUT"],
    ["Партия 12 орын алды.", "12 орын", "SEAT_COUNT"],
    ["Жарылыстан 3 адам қаза тапты.", "3 адам", "CASUALTIES"],
    ["Оған 300 мың теңге бөлінді.", "300 мың теңге", "MONEY"],
    ["Қазақстанда 20 адам жұмыс істейді.", "20 адам", "OTHER"],
  ])("«%s» → «%s» is %s", (text, span, cat) => {
    const c = extractClaims(text).find((x) => x.text === span);
    expect(c?.category).toBe(cat);
  });
});
