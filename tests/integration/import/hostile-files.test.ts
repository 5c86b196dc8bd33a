import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { reviseArticle } from "@/lib/articles/revise-article";
import { db } from "@/lib/db/client";
import { importArticle } from "@/lib/import/import-article";
import { ImportError } from "@/lib/import/import-error";
import { MAX_SUGGESTIONS_PER_ARTICLE } from "@/lib/import/limits";
import type { ImportSource } from "@/lib/import/source-to-document";
import {
  deeplyNestedHtml,
  deeplyNestedMarkdown,
  docxBomb,
  docxParagraph,
  makeDocx,
  makeZip,
  millionNumbers,
} from "../../support/adversarial-files";

// The hostile files, generated here, through the real pipeline: the worker thread, its
// limits and the database. Each is refused with its reason and leaves nothing stored.

const utf8 = (text: string) => new TextEncoder().encode(text);
const file = (name: string, bytes: Uint8Array | string): ImportSource => ({ kind: "file", name, bytes: typeof bytes === "string" ? utf8(bytes) : bytes });

async function makeEditor(): Promise<Actor> {
  const email = `hostile-${crypto.randomUUID()}@derek.test`;
  const user = await db.user.create({ data: { email, name: email, role: "EDITOR", passwordHash: "x" } });
  return { id: user.id, role: user.role, active: true };
}

async function storedState() {
  return {
    articles: await db.article.count(),
    revisions: await db.articleRevision.count(),
    suggestions: await db.claimSuggestion.count(),
    audit: await db.auditEvent.count(),
  };
}

/** The refusal's reason and field, after checking nothing was stored; the time it took is logged. */
async function refused(label: string, actor: Actor, source: ImportSource): Promise<ImportError> {
  const before = await storedState();
  const started = performance.now();
  const error = await importArticle({ actor, source }).then(
    () => null,
    (e: unknown) => e,
  );
  console.log(`${label}: refused in ${Math.round(performance.now() - started)} ms (${(error as ImportError)?.reason})`);
  expect(error).toBeInstanceOf(ImportError);
  expect(await storedState()).toEqual(before);
  return error as ImportError;
}

describe("hostile imports", () => {
  // The worker's first start (tsx compiling the pipeline) is not part of any refusal's time.
  beforeAll(async () => {
    await importArticle({ actor: await makeEditor(), source: file("warm-up.txt", "Жылыту мәтіні.") });
  }, 60_000);

  it("refuses the 50 MB zip bomb from its directory, and one whose directory lies when it is inflated, in the worker", async () => {
    const editor = await makeEditor();
    const bomb = await refused("zip bomb (honest directory)", editor, file("bomb.docx", docxBomb(50)));
    expect(bomb.reason).toBe("too_complex");
    expect(bomb.message).toMatch(/unpacks from .* to 50\.0 MB/);

    // The directory claims 1 KB; only inflating finds out (the zip reader checks the size it was
    // promised), and that happens in the worker, under its memory limit.
    const lying = makeDocx(docxParagraph("1".repeat(1000)).repeat(50 * 1024), { declaredSize: 1024 });
    expect(lying.byteLength).toBeLessThan(1024 * 1024);
    const error = await refused("zip bomb (lying directory)", editor, file("liar.docx", lying));
    expect(["too_complex", "unreadable_docx"]).toContain(error.reason);

    // The pool still works after that.
    const fine = await importArticle({ actor: editor, source: file("ok.docx", makeDocx(docxParagraph(`Бомбадан кейін ${crypto.randomUUID()}`))) });
    expect(fine.status).toBe("created");
  }, 120_000);

  it("refuses HTML nested 300,000 deep (1.8 MB) and Markdown quotes, lists and raw HTML nested past the limit", async () => {
    const editor = await makeEditor();
    const html = deeplyNestedHtml(300_000);
    expect(html.length).toBeGreaterThan(1_700_000);
    expect((await refused("HTML nested 300,000 deep", editor, file("deep.html", html))).reason).toBe("too_complex");
    expect((await refused("Markdown quotes nested 1,000,000 deep", editor, file("deep.md", deeplyNestedMarkdown(1_000_000)))).reason).toBe("too_complex");
    expect((await refused("Markdown lists nested 5,000 deep", editor, file("list.md", "- ".repeat(5_000) + "x"))).reason).toBe("too_complex");
    const rawHtml = `# Тақырып\n\n${deeplyNestedHtml(100_000)}\n`;
    expect((await refused("raw HTML in Markdown nested 100,000 deep", editor, file("raw.md", rawHtml))).reason).toBe("too_complex");
  }, 120_000);

  it("refuses a million figures (2 MB of “1 ”) as a file and past-the-cap figures as a paste, beside the text field", async () => {
    const editor = await makeEditor();
    const million = await refused("2 MB of “1 ” (a million figures)", editor, file("numbers.txt", millionNumbers()));
    expect(million.reason).toBe("too_many_figures");
    expect(million.message).toMatch(/more than 2,000 figures/);

    const paste = await refused("pasted text with 2,001 figures", editor, { kind: "paste", text: `Кесте ${crypto.randomUUID()}\n${"7 ".repeat(MAX_SUGGESTIONS_PER_ARTICLE + 1)}` });
    expect(paste.reason).toBe("too_many_figures");
    expect(paste.field).toBe("text");
  }, 120_000);

  it("stores an article with exactly the cap's worth of figures, each one suggested", async () => {
    const editor = await makeEditor();
    const text = `Кесте\n${"7 ".repeat(MAX_SUGGESTIONS_PER_ARTICLE)}`;
    const result = await importArticle({ actor: editor, source: { kind: "paste", text } });
    expect(result.status).toBe("created");
    expect(await db.claimSuggestion.count({ where: { articleId: result.articleId } })).toBe(MAX_SUGGESTIONS_PER_ARTICLE);
  }, 60_000);

  it("gives every damaged .docx the clean “could not be read” refusal", async () => {
    const editor = await makeEditor();
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const damaged: Record<string, Uint8Array> = {
      "truncated.docx": makeDocx(docxParagraph("x")).slice(0, 60),
      "signature-only.docx": new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
      "no-document.docx": makeZip([{ name: "notes.txt", data: "сәлем" }]),
      "bad-xml.docx": makeDocx("<w:p><w:r><w:t>аяқталмаған"),
      "no-body.docx": makeZip([{ name: "word/document.xml", data: `<?xml version="1.0"?><w:document ${W}></w:document>` }]),
      "cut-directory.docx": (() => {
        const whole = makeDocx(docxParagraph("x"));
        return whole.slice(0, whole.byteLength - 10);
      })(),
    };
    for (const [name, bytes] of Object.entries(damaged)) {
      const error = await refused(`damaged ${name}`, editor, file(name, bytes));
      expect({ name, reason: error.reason }).toEqual({ name, reason: "unreadable_docx" });
      expect(error.message).toMatch(/could not be read/);
    }
  }, 120_000);

  it("refuses a revision with more figures than the cap, keeping the article, its revision and its suggestions", async () => {
    const editor = await makeEditor();
    const created = await importArticle({ actor: editor, source: { kind: "paste", text: `Мақала ${crypto.randomUUID()}\nЖиынға 200 адам келді.` } });
    const before = await storedState();
    const error = await reviseArticle({
      actor: editor,
      articleId: created.articleId,
      expectedRevision: 1,
      text: `Мақала\n${"5 ".repeat(MAX_SUGGESTIONS_PER_ARTICLE + 1)}`,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toBe("too_many_figures");
    expect((error as ImportError).field).toBe("text");
    expect(await storedState()).toEqual(before);
    expect((await db.article.findUniqueOrThrow({ where: { id: created.articleId } })).revision).toBe(1);
  }, 60_000);
});
