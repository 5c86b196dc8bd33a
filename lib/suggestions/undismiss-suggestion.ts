import type { Actor } from "@/lib/auth/policy";
import { setDismissal, type DismissalResult } from "./set-dismissal";

/** Shows a dismissed suggestion again (undo of a dismissal). */
export function undismissSuggestion(options: { actor: Actor; suggestionId: string }): Promise<DismissalResult> {
  return setDismissal({ ...options, dismissed: false });
}
