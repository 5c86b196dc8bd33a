import { describe, expect, it } from "vitest";
import { normaliseUrl } from "@/lib/sources/normalise-url";

// Each pair: two spellings of one address that an editor could paste, which must be one source.
const SAME: [string, string][] = [
  ["https://www.gov.kz/memleket/entities/qriim?lang=kk", "http://gov.kz/memleket/entities/qriim?lang=kk"],
  ["https://www.akorda.kz/kz/official_documents/constitution", "https://akorda.kz/kz/official_documents/constitution/"],
  ["HTTPS://Stat.GOV.KZ/ru/industries/", "https://stat.gov.kz/ru/industries"],
  ["https://stat.gov.kz:443/ru/news", "http://stat.gov.kz:80/ru/news"],
  ["https://www.election.gov.kz/kaz/news/releases/index.php?ID=7613", "https://election.gov.kz/kaz/news/releases/index.php?ID=7613#content"],
  ["https://tengrinews.kz/kazakhstan_news/aktau-123/?utm_source=telegram&utm_medium=social", "https://tengrinews.kz/kazakhstan_news/aktau-123"],
  ["https://www.inform.kz/kz/article?id=42&fbclid=IwAR3xyz", "https://inform.kz/kz/article?id=42"],
  ["https://kaz.nur.kz/politics/1234-zhanalyq/?gclid=abc&yclid=987", "https://kaz.nur.kz/politics/1234-zhanalyq"],
  ["https://www.zakon.kz/6405331-novost.html?ysclid=lq2x9a", "https://zakon.kz/6405331-novost.html"],
  ["https://adilet.zan.kz/kaz/docs/K950001000_?lang=kk&page=2", "https://adilet.zan.kz/kaz/docs/K950001000_?page=2&lang=kk"],
  ["https://egov.kz/cms/kk/articles/?UTM_Campaign=x&b=1", "https://egov.kz/cms/kk/articles?b=1"],
  ["https://qamshy.kz/article/сайлау-нәтижелері", "https://qamshy.kz/article/%D1%81%D0%B0%D0%B9%D0%BB%D0%B0%D1%83-%D0%BD%D3%99%D1%82%D0%B8%D0%B6%D0%B5%D0%BB%D0%B5%D1%80%D1%96"],
  ["https://qamshy.kz/article/%d0%b6%d0%b0%d2%a3%d0%b0", "https://qamshy.kz/article/%D0%B6%D0%B0%D2%A3%D0%B0"],
  ["https://домен.kz/жаңалықтар", "https://xn--d1acufc.kz/%D0%B6%D0%B0%D2%A3%D0%B0%D0%BB%D1%8B%D2%9B%D1%82%D0%B0%D1%80"],
  ["http://WWW.ДОМЕН.KZ/", "https://домен.kz"],
  ["https://www.gov.kz./memleket", "https://gov.kz/memleket"],
  ["https://user:secret@www.gov.kz/memleket", "https://gov.kz/memleket"],
  ["https://gov.kz/memleket/entities/../entities/mvd", "https://gov.kz/memleket/entities/mvd"],
  ["https://gov.kz/a/%7Euser", "https://gov.kz/a/~user"],
  ["https://azattyq.org/a/33012345.html?q=a+b", "https://azattyq.org/a/33012345.html?q=a%20b"],
  ["  https://azattyq.org/a/33012345.html  ", "https://www.azattyq.org/a/33012345.html"],
  ["https://kursiv.media/news?q=%D2%9B%D0%B0%D0%B7", "https://kursiv.media/news?q=қаз"],
];

// Addresses that only look alike: different pages, which must stay apart.
const DIFFERENT: [string, string][] = [
  ["https://gov.kz/memleket/entities/mvd", "https://gov.kz/memleket/entities/MVD"],
  ["https://m.tengrinews.kz/news/1", "https://tengrinews.kz/news/1"],
  ["https://adilet.zan.kz/kaz/docs/K950001000_?page=2", "https://adilet.zan.kz/kaz/docs/K950001000_?page=3"],
  ["https://stat.gov.kz:8080/ru", "https://stat.gov.kz/ru"],
  ["https://gov.kz/a%2Fb", "https://gov.kz/a/b"],
  ["https://inform.kz/kz/article?id=42", "https://inform.kz/kz/article?id=42&id=43"],
];

describe("normaliseUrl", () => {
  it.each(SAME)("reads %s as %s", (a, b) => {
    expect(normaliseUrl(a)).not.toBeNull();
    expect(normaliseUrl(a)).toBe(normaliseUrl(b));
  });

  it.each(DIFFERENT)("keeps %s apart from %s", (a, b) => {
    expect(normaliseUrl(a)).not.toBe(normaliseUrl(b));
  });

  it("writes the key without scheme, www, tracking or fragment, and with sorted parameters", () => {
    expect(normaliseUrl("https://www.Election.gov.kz/kaz/news/?utm_source=fb&b=2&a=1#top")).toBe("election.gov.kz/kaz/news?a=1&b=2");
    expect(normaliseUrl("https://домен.kz/")).toBe("xn--d1acufc.kz");
  });

  it("leaves plain what an address may hold unescaped, so a key reads as the address was typed", () => {
    expect(normaliseUrl("https://x.kz/a%3Ab,c/?next=https%3A%2F%2Fgov.kz%2Fa&q=a%26b")).toBe("x.kz/a:b,c?next=https://gov.kz/a&q=a%26b");
  });

  it("keeps the order of the values of one parameter", () => {
    expect(normaliseUrl("https://x.kz/?tag=b&tag=a")).toBe("x.kz?tag=b&tag=a");
  });

  it("keeps escapes that are not UTF-8 as bytes, in one case", () => {
    expect(normaliseUrl("https://old.kz/%c0%e4%e0%ec")).toBe("old.kz/%C0%E4%E0%EC");
  });

  it("has no key for what is not an http(s) address", () => {
    for (const raw of ["", "gov.kz/memleket", "ftp://gov.kz/file", "mailto:press@gov.kz", "javascript:alert(1)", "https://"]) expect(normaliseUrl(raw)).toBeNull();
  });
});
