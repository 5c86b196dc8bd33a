import type { GroupClaimSummary } from "@/lib/grouping/group-claims";
import { figureSummary, QUALIFIER_LABEL } from "../../articles/[id]/labels";

/** "≈ 4000 person (approximately)": a claim's figure as read, with its qualifier in words. */
export function GroupFigure({ claim }: { claim: Pick<GroupClaimSummary, "value" | "min" | "max" | "unit" | "qualifier"> }) {
  return (
    <span className="ledger-figure">
      {figureSummary(claim) || "—"} <span className="muted">({QUALIFIER_LABEL[claim.qualifier]})</span>
    </span>
  );
}

/**
 * An article's title cut for a list: imported articles often take their whole first paragraph as
 * the title.
 */
export function shortTitle(title: string, length = 60) {
  return title.length > length ? `${title.slice(0, length - 1).trimEnd()}…` : title;
}

/** "Azattyq, 2021-01-12": where a claim was published. */
export function articlePlace(article: { outlet: string | null; publishedAt: string | null }) {
  return [article.outlet, article.publishedAt].filter(Boolean).join(", ");
}
