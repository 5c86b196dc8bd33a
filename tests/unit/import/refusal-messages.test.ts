import { describe, expect, it } from "vitest";
import type { DerekError } from "@/lib/core/errors";
import type { CodedMessage } from "@/lib/core/message-codes";
import { checkDocxArchive } from "@/lib/import/check-docx-archive";
import { checkHtmlNesting } from "@/lib/import/check-nesting";
import { busyError, timedOutError, tooComplexError } from "@/lib/import/off-thread/task-pool";
import { suggestionsWithinCap } from "@/lib/suggestions/suggestions-within-cap";
import { deeplyNestedHtml, docxBomb, makeZip } from "../../support/adversarial-files";
import { translatorFor } from "../../support/translate-message";

// Each refusal of a hostile input, as the code makes it (a code and its parameters), shown
// through the real catalogs.
const coded = (error: unknown) => (error as DerekError).toCoded();

function refusalOf(run: () => unknown): CodedMessage {
  try {
    run();
  } catch (error) {
    return coded(error);
  }
  throw new Error("expected a refusal");
}

async function refusals(): Promise<CodedMessage[]> {
  const bomb = await checkDocxArchive(docxBomb(50)).then(() => null, coded);
  const parts = Array.from({ length: 21 }, (_, i) => ({ name: `p${i}`, data: "x", declaredSize: 1024 * 1024 }));
  const unpacked = await checkDocxArchive(makeZip(parts)).then(() => null, coded);
  return [
    bomb!,
    unpacked!,
    refusalOf(() => checkHtmlNesting(deeplyNestedHtml(1000))),
    refusalOf(() => suggestionsWithinCap("1 ".repeat(2001))),
    busyError().toCoded(),
    timedOutError(20_000).toCoded(),
    tooComplexError().toCoded(),
  ];
}

describe("refusals of hostile files", () => {
  it("reach Kazakh readers in Kazakh, with their figures", async () => {
    const kk = translatorFor("kk");
    const shown = (await refusals()).map((message) => kk(message));
    expect(shown[0]).toMatch(/^Бұл \.docx файлының бір бөлігі .* көлемнен 50\.0 MB көлемге дейін ашылады/);
    expect(shown[1]).toBe("Бұл .docx файлы ашылғанда 21.0 MB болады; шектеу — 20.0 MB. Мақаланы үлкен суреттерсіз сақтап, қайта жүктеңіз.");
    expect(shown[2]).toMatch(/^Бұл файлда элементтер бір-бірінің ішіне 200 деңгейден/);
    expect(shown[3]).toMatch(/^Бұл мәтінде 2,000 саннан көп бар/);
    expect(shown[4]).toMatch(/^Derek қазір басқа файлдарды оқып жатыр/);
    expect(shown[5]).toMatch(/^Мұны оқу 20 секундтан/);
    expect(shown[6]).toMatch(/^Мұны оқуға/);
  });

  it("reach Russian readers in Russian", async () => {
    const ru = translatorFor("ru");
    const shown = (await refusals()).map((message) => ru(message));
    for (const message of shown) expect(message).toMatch(/[а-яё]{3}/);
    expect(shown[3]).toMatch(/^В этом тексте больше 2,000 чисел/);
    expect(shown[5]).toMatch(/^Чтение заняло больше 20 секунд/);
  });
});
