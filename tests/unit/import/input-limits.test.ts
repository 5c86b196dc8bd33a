import { describe, expect, it } from "vitest";
import { checkDocxArchive } from "@/lib/import/check-docx-archive";
import { checkHtmlNesting, checkMarkdownNesting } from "@/lib/import/check-nesting";
import { ImportError } from "@/lib/import/import-error";
import { MAX_NESTING_DEPTH, MAX_SUGGESTIONS_PER_ARTICLE } from "@/lib/import/limits";
import { extractClaims } from "@/lib/extract";
import { suggestionsWithinCap } from "@/lib/suggestions/suggestions-within-cap";
import { deeplyNestedHtml, deeplyNestedMarkdown, docxBomb, docxParagraph, makeDocx, makeZip, millionNumbers } from "../../support/adversarial-files";

function reasonOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ImportError) return error.reason;
    throw error;
  }
}
async function asyncReasonOf(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => {
      if (error instanceof ImportError) return error.reason;
      throw error;
    },
  );
}

describe("HTML nesting", () => {
  it("accepts the limit and refuses one element past it", () => {
    const nested = (depth: number) => "<div>".repeat(depth) + "x" + "</div>".repeat(depth);
    expect(reasonOf(() => checkHtmlNesting(nested(MAX_NESTING_DEPTH)))).toBeNull();
    expect(reasonOf(() => checkHtmlNesting(nested(MAX_NESTING_DEPTH + 1)))).toBe("too_complex");
  });

  it("refuses the issue's 300,000-deep <b><i> file", () => {
    expect(deeplyNestedHtml(300_000).length).toBeGreaterThan(1_800_000);
    expect(reasonOf(() => checkHtmlNesting(deeplyNestedHtml(300_000)))).toBe("too_complex");
  });

  it("reads implicitly closed elements as the sanitiser does: a thousand <p> or <li> in a row are siblings, not a tower", () => {
    expect(reasonOf(() => checkHtmlNesting("<p>Бір".repeat(1000)))).toBeNull();
    expect(reasonOf(() => checkHtmlNesting("<ul>" + "<li>пункт".repeat(1000) + "</ul>"))).toBeNull();
    expect(reasonOf(() => checkHtmlNesting("<p>a<br>b<img src=x><hr>".repeat(1000)))).toBeNull();
  });

  it("says what is wrong and what to do", () => {
    expect(() => checkHtmlNesting(deeplyNestedHtml(1000))).toThrow(/nests elements more than 200 deep.*plain text/);
  });
});

describe("Markdown nesting", () => {
  it("refuses quotes, lists and indented lists nested past the limit, and passes a real article", () => {
    expect(reasonOf(() => checkMarkdownNesting(deeplyNestedMarkdown(MAX_NESTING_DEPTH + 1)))).toBe("too_complex");
    expect(reasonOf(() => checkMarkdownNesting(deeplyNestedMarkdown(1_000_000)))).toBe("too_complex");
    expect(reasonOf(() => checkMarkdownNesting("- ".repeat(MAX_NESTING_DEPTH + 1) + "x"))).toBe("too_complex");
    expect(reasonOf(() => checkMarkdownNesting("1. ".repeat(MAX_NESTING_DEPTH + 1) + "x"))).toBe("too_complex");
    const indented = Array.from({ length: MAX_NESTING_DEPTH + 10 }, (_, i) => "  ".repeat(i) + "- a").join("\n");
    expect(reasonOf(() => checkMarkdownNesting(indented))).toBe("too_complex");

    const article = "# Сайлау\n\n> Комиссия хабарлады:\n> > 70,2% дауыс\n\n- бір\n  - екі\n    - үш\n\n1. Бірінші\n2. Екінші\n";
    expect(reasonOf(() => checkMarkdownNesting(article))).toBeNull();
    expect(reasonOf(() => checkMarkdownNesting(deeplyNestedMarkdown(MAX_NESTING_DEPTH)))).toBeNull();
  });
});

describe("the .docx zip directory", () => {
  it("refuses the issue's zip bomb (50 MB in one part) from its directory alone", async () => {
    const bomb = docxBomb(50);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    await expect(asyncReasonOf(checkDocxArchive(bomb))).resolves.toBe("too_complex");
    await expect(checkDocxArchive(bomb)).rejects.toThrow(/unpacks from .* to 50\.0 MB, which no real document does/);
  });

  it("refuses parts that add up past 20 MB though none is compressed suspiciously", async () => {
    const parts = Array.from({ length: 21 }, (_, i) => ({ name: `word/media/image${i}.bin`, data: "x", declaredSize: 1024 * 1024 }));
    const archive = makeZip([...parts, { name: "word/document.xml", data: "<w:document/>" }]);
    await expect(checkDocxArchive(archive)).rejects.toThrow(/unpacks to 21\.0 MB; the limit is 20\.0 MB/);
  });

  it("lets a real document through, and calls a damaged zip unreadable", async () => {
    await expect(checkDocxArchive(makeDocx(docxParagraph("Сайлауға 70,2% қатысты.")))).resolves.toBeUndefined();
    await expect(asyncReasonOf(checkDocxArchive(makeDocx(docxParagraph("x")).slice(0, 60)))).resolves.toBe("unreadable_docx");
    await expect(asyncReasonOf(checkDocxArchive(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])))).resolves.toBe("unreadable_docx");
  });
});

describe("the suggestion cap", () => {
  it("keeps up to 2,000 suggestions and refuses a text with one more, naming the field", () => {
    expect(suggestionsWithinCap("1 ".repeat(MAX_SUGGESTIONS_PER_ARTICLE))).toHaveLength(MAX_SUGGESTIONS_PER_ARTICLE);
    let error: unknown;
    try {
      suggestionsWithinCap("1 ".repeat(MAX_SUGGESTIONS_PER_ARTICLE + 1), "text");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toBe("too_many_figures");
    expect((error as ImportError).field).toBe("text");
    expect((error as ImportError).message).toMatch(/more than 2,000 figures/);
  });

  it("stops reading one past the cap: a million figures yield only the cap's worth of candidates", () => {
    expect(extractClaims(millionNumbers(), { limit: 2_001 })).toHaveLength(2_001);
    expect(reasonOf(() => suggestionsWithinCap(millionNumbers()))).toBe("too_many_figures");
  });
});
