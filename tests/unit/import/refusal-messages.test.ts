import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalog";
import { createMessageTranslator } from "@/lib/i18n/message-translator";
import { checkDocxArchive } from "@/lib/import/check-docx-archive";
import { checkHtmlNesting } from "@/lib/import/check-nesting";
import { busyError, timedOutError, tooComplexError } from "@/lib/import/off-thread/task-pool";
import { suggestionsWithinCap } from "@/lib/suggestions/suggestions-within-cap";
import { deeplyNestedHtml, docxBomb, makeZip } from "../../support/adversarial-files";
import { REPO_ROOT } from "../../support/paths";

// Each refusal of a hostile input, as the code writes it, shown through the real catalogs.
const english = loadMessages("en", REPO_ROOT);
const translatorFor = (locale: "kk" | "ru") => createMessageTranslator(english, loadMessages(locale, REPO_ROOT), locale);

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

async function refusals(): Promise<string[]> {
  const bomb = await checkDocxArchive(docxBomb(50)).catch((e: Error) => e.message);
  const parts = Array.from({ length: 21 }, (_, i) => ({ name: `p${i}`, data: "x", declaredSize: 1024 * 1024 }));
  const unpacked = await checkDocxArchive(makeZip(parts)).catch((e: Error) => e.message);
  return [
    bomb as string,
    unpacked as string,
    messageOf(() => checkHtmlNesting(deeplyNestedHtml(1000))),
    messageOf(() => suggestionsWithinCap("1 ".repeat(2001))),
    busyError().message,
    timedOutError(20_000).message,
    tooComplexError().message,
  ];
}

describe("refusals of hostile files", () => {
  it("reach Kazakh readers in Kazakh, with their figures", async () => {
    const kk = translatorFor("kk");
    const shown = (await refusals()).map(kk);
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
    const shown = (await refusals()).map(ru);
    for (const message of shown) expect(message).toMatch(/[а-яё]{3}/);
    expect(shown[3]).toMatch(/^В этом тексте больше 2,000 чисел/);
    expect(shown[5]).toMatch(/^Чтение заняло больше 20 секунд/);
  });
});
