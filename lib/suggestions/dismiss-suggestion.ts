import type { Actor } from "@/lib/auth/policy";
import { setDismissal, type DismissalResult } from "./set-dismissal";

/** Hides a suggestion from the editors of this article, in this and later revisions. */
export function dismissSuggestion(options: { actor: Actor; suggestionId: string }): Promise<DismissalResult> {
  return setDismissal({ ...options, dismissed: true });
}
