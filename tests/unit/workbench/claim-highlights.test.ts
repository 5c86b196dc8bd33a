import { describe, expect, it } from "vitest";
import { applyClaimChanges } from "@/app/(workbench)/articles/[id]/claim-changes";
import { claimHighlighter } from "@/app/(workbench)/articles/[id]/claim-highlights";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";

// A save on an article with 2,000 claims builds the highlight of the claim it changed, not 2,000:
// every other claim hands the viewer back the highlight object it had, so the viewer keeps its
// decoration without reading it.

const claim = (id: string, start: number, status = "DRAFT"): ArticleClaim => ({ id, start, end: start + 5, status }) as ArticleClaim;
const article = Array.from({ length: 2000 }, (_, i) => claim(`c${i}`, i * 10));

function highlighter() {
  const summarised: string[] = [];
  const highlights = claimHighlighter((c) => {
    summarised.push(c.id);
    return `summary of ${c.id}`;
  });
  return { highlights, summarised };
}

describe("the claims' highlights after a claim action", () => {
  it("builds only the new claim's highlight and hands back the same object for every other claim", () => {
    const { highlights, summarised } = highlighter();
    const before = highlights(article, null);
    summarised.length = 0;
    const created = claim("new", 5005);
    const after = highlights(applyClaimChanges(article, { changed: [created], removedIds: [] }), null);
    expect(summarised).toEqual(["new"]);
    expect(after).toHaveLength(2001);
    const byId = new Map(before.map((h) => [h.id, h]));
    for (const h of after) if (h.id !== "new") expect(h).toBe(byId.get(h.id));
    expect(after.find((h) => h.id === "new")).toMatchObject({ start: 5005, end: 5010, kind: "claim", className: "claim claim--draft", title: "summary of new" });
  });

  it("draws a changed claim anew from its new object", () => {
    const { highlights } = highlighter();
    const before = highlights(article, null);
    const after = highlights(applyClaimChanges(article, { changed: [claim("c7", 70, "SUBMITTED")], removedIds: [] }), null);
    expect(after[7]).not.toBe(before[7]);
    expect(after[7].className).toBe("claim claim--submitted");
    expect(after[6]).toBe(before[6]);
  });

  it("opening a claim changes the highlights of the claims opened and closed, no other", () => {
    const { highlights, summarised } = highlighter();
    const closed = highlights(article, "c1");
    const opened = highlights(article, "c2");
    const changed = opened.filter((h, i) => h !== closed[i]).map((h) => h.id);
    expect(changed).toEqual(["c1", "c2"]);
    expect(opened[2].className).toBe("claim claim--draft claim--active");
    expect(opened[1].className).toBe("claim claim--draft");
    // Back to the first: both looks were built before, so nothing is built again.
    summarised.length = 0;
    const again = highlights(article, "c1");
    expect(again[1]).toBe(closed[1]);
    expect(again[2]).toBe(closed[2]);
    expect(summarised).toEqual([]);
  });
});
