import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { docToPlainText } from "@/lib/document/doc-text";
import { importArticle } from "@/lib/import/import-article";
import { ImportError } from "@/lib/import/import-error";
import { MAX_FILE_BYTES } from "@/lib/import/limits";
import type { ImportSource } from "@/lib/import/source-to-document";
import { REPO_ROOT, SEED_TEXTS_DIR } from "../../support/paths";

const DOCX_FIXTURE = path.join(REPO_ROOT, "tests", "unit", "import", "fixtures", "kazakh-article.docx");
const utf8 = (text: string) => new TextEncoder().encode(text);
const file = (name: string, bytes: Uint8Array | string): ImportSource => ({ kind: "file", name, bytes: typeof bytes === "string" ? utf8(bytes) : bytes });

let userCount = 0;
async function makeActor(role: Actor["role"]): Promise<Actor> {
  const email = `import-${role.toLowerCase()}-${++userCount}@derek.test`;
  const user = await db.user.create({ data: { email, name: email, role, passwordHash: "x" } });
  return { id: user.id, role: user.role, active: true };
}

/** Everything an import writes, so a refusal can be shown to have written nothing. */
async function storedState() {
  return { articles: await db.article.count(), revisions: await db.articleRevision.count(), audit: await db.auditEvent.count() };
}

describe("importArticle", () => {
  it("stores every seed text byte for byte, as an uploaded .txt and as a paste", async () => {
    const editor = await makeActor("EDITOR");
    const files = (await readdir(SEED_TEXTS_DIR)).filter((f) => f.endsWith(".txt")).sort();
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const bytes = await readFile(path.join(SEED_TEXTS_DIR, name));
      const result = await importArticle({ actor: editor, source: file(name, bytes) });
      expect(result.status).toBe("created");
      const article = await db.article.findUniqueOrThrow({ where: { id: result.articleId } });
      expect(Buffer.from(article.bodyText, "utf8").equals(bytes)).toBe(true);
      expect(docToPlainText(article.bodyJson as JSONContent)).toBe(article.bodyText);
      expect(article.title).toBe(result.title);
      expect(bytes.toString("utf8").startsWith(article.title.replace(/…$/, ""))).toBe(true);

      // The same text pasted is the same article: the pipelines agree on the stored text.
      const pasted = await importArticle({ actor: editor, source: { kind: "paste", text: bytes.toString("utf8") } });
      expect(pasted).toEqual({ status: "duplicate", articleId: result.articleId, title: article.title });
    }
  });

  it("stores a Windows-saved file (BOM, CRLF) with LF line endings and the author's details", async () => {
    const editor = await makeActor("EDITOR");
    const result = await importArticle({
      actor: editor,
      source: file("windows.txt", "\uFEFFҚазақстанда сайлау өтті\r\n\r\nНәтиже: 70,2%.\r\n"),
      details: { outlet: " Азаттық ", sourceUrl: "https://www.azattyq.org/a/1.html", publishedAt: "2024-03-05", title: "" },
    });
    const article = await db.article.findUniqueOrThrow({ where: { id: result.articleId } });
    expect(article).toMatchObject({
      bodyText: "Қазақстанда сайлау өтті\n\nНәтиже: 70,2%.\n",
      title: "Қазақстанда сайлау өтті",
      outlet: "Азаттық",
      sourceUrl: "https://www.azattyq.org/a/1.html",
      createdById: editor.id,
    });
    expect(article.publishedAt?.toISOString().slice(0, 10)).toBe("2024-03-05");
  });

  it("stores sanitised HTML whose plain text is the document's, with nothing executable or styled", async () => {
    const editor = await makeActor("EDITOR");
    const html = `<html><head><title>т</title><style>p{color:red}</style></head><body><h1 style="color:red">Сот үкімі шықты</h1>` +
      `<p onclick="steal()">Белсенді <b>5 жылға</b> сотталды.<script>alert(document.cookie)</script></p>` +
      `<p><a href="javascript:alert(1)">жалған</a> <a href="https://kaz.tengrinews.kz/x">Tengri</a></p></body></html>`;
    const result = await importArticle({ actor: editor, source: file("court.html", html), details: { title: "Өз тақырыбым" } });
    const article = await db.article.findUniqueOrThrow({ where: { id: result.articleId } });
    expect(article.bodyText).toBe("Сот үкімі шықты\nБелсенді 5 жылға сотталды.\nжалған Tengri");
    expect(article.title).toBe("Өз тақырыбым");
    expect(docToPlainText(article.bodyJson as JSONContent)).toBe(article.bodyText);
    expect(JSON.stringify(article.bodyJson)).not.toMatch(/script|alert|cookie|color|onclick|javascript/);
  });

  it("imports Markdown and .docx through the same pipeline", async () => {
    const editor = await makeActor("EDITOR");
    const md = await importArticle({ actor: editor, source: file("note.md", "## Митинг\n\nШамамен **200** адам жиналды.\n") });
    expect((await db.article.findUniqueOrThrow({ where: { id: md.articleId } })).bodyText).toBe("Митинг\nШамамен 200 адам жиналды.");
    const docx = await importArticle({ actor: editor, source: file("report.docx", await readFile(DOCX_FIXTURE)) });
    const article = await db.article.findUniqueOrThrow({ where: { id: docx.articleId } });
    expect(article.title).toBe("Алматыда 361 адам ұсталды");
    expect(article.bodyText).toBe("Алматыда 361 адам ұсталды\nПолиция 5 наурызда шамамен 361 адамды ұстады.\nАзаттық және жалған сілтеме");
  });

  it("returns the existing article for a duplicate and stores nothing new", async () => {
    const editor = await makeActor("EDITOR");
    const text = `Қайталанған мәтін ${Date.now()}\nЕкінші жол`;
    const first = await importArticle({ actor: editor, source: file("a.txt", text) });
    const before = await storedState();
    const again = await importArticle({ actor: editor, source: file("b.txt", text), details: { outlet: "Басқа" } });
    expect(again).toEqual({ status: "duplicate", articleId: first.articleId, title: first.title });
    expect(await storedState()).toEqual(before);
  });

  const cp1251Almaty = Uint8Array.from([0xc0, 0xeb, 0xec, 0xe0, 0xf2, 0xfb, 0x0a]);
  const oversized = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
  const rejected: Array<[string, ImportSource, Record<string, string> | undefined, string, string | undefined, RegExp]> = [
    ["an empty file", file("empty.txt", ""), undefined, "empty", undefined, /This file is empty/],
    ["a file of blank lines", file("blank.txt", " \n\t\n"), undefined, "empty", undefined, /no text/],
    ["HTML with nothing but a script", file("x.html", "<script>alert(1)</script>"), undefined, "empty", undefined, /no text/],
    ["an empty paste", { kind: "paste", text: "  \n " }, undefined, "empty", "text", /Paste the article's text/],
    ["a paste with a NUL character", { kind: "paste", text: "а\u0000б" }, undefined, "binary", "text", /not text/],
    ["a binary file named .txt", file("photo.txt", Uint8Array.from([0xff, 0xd8, 0x00, 0x10])), undefined, "binary", undefined, /binary/],
    ["Windows-1251 text", file("cp1251.txt", cp1251Almaty), undefined, "not_utf8", undefined, /not UTF-8.*save it as UTF-8/],
    ["an unknown file type", file("scan.pdf", "%PDF-1.7"), undefined, "unsupported_type", undefined, /not supported/],
    ["a file over the size limit", file("big.txt", oversized), undefined, "too_large", undefined, /limit is 2\.0 MB per file/],
    ["a damaged .docx", file("broken.docx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), undefined, "unreadable_docx", undefined, /could not be read/],
    ["a source URL that is not http(s)", file("u.txt", "Мәтін 1"), { sourceUrl: "javascript:alert(1)" }, "invalid_details", "sourceUrl", /http:\/\/ or https:\/\//],
    ["an ftp source URL", file("u.txt", "Мәтін 2"), { sourceUrl: "ftp://example.kz/a" }, "invalid_details", "sourceUrl", /http:\/\/ or https:\/\//],
    ["a date that does not exist", file("d.txt", "Мәтін 3"), { publishedAt: "2024-02-30" }, "invalid_details", "publishedAt", /real date/],
    ["a date that is not a date", file("d.txt", "Мәтін 4"), { publishedAt: "кеше" }, "invalid_details", "publishedAt", /real date/],
  ];

  it.each(rejected)("refuses %s with a clear message and stores nothing", async (_label, source, details, reason, field, message) => {
    const editor = await makeActor("EDITOR");
    const before = await storedState();
    const error = await importArticle({ actor: editor, source, details }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ reason, field });
    expect((error as Error).message).toMatch(message);
    expect(await storedState()).toEqual(before);
  });

  it("refuses a reviewer, from the policy, before reading the input", async () => {
    const reviewer = await makeActor("REVIEWER");
    const before = await storedState();
    await expect(importArticle({ actor: reviewer, source: file("a.txt", "Рецензент мәтіні") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importArticle({ actor: { ...(await makeActor("EDITOR")), active: false }, source: file("a.txt", "x") })).rejects.toThrow("deactivated");
    expect(await storedState()).toEqual(before);
  });
});
