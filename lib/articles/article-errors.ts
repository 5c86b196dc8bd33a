import { DerekError } from "@/lib/core/errors";

export class ArticleNotFoundError extends DerekError {
  constructor() {
    super("libArticles.ref.notFound", { kind: "not-found" });
    this.name = "ArticleNotFoundError";
  }
}

/**
 * Someone saved a newer revision after this edit was started from an older one. Saving anyway
 * would silently drop their text, so the edit is refused and the message says who and when, so the
 * editor can reload, see their change and redo theirs on top of it.
 */
export class ArticleConflictError extends DerekError {
  constructor(
    readonly currentRevision: number,
    readonly changedBy: string | null,
    readonly changedAt: Date | null,
  ) {
    // The instant goes as an ISO string in `moment`: the interface writes it in Almaty time in
    // the reader's language.
    const params = { revision: currentRevision, ...(changedBy ? { name: changedBy } : {}), ...(changedAt ? { moment: changedAt.toISOString() } : {}) };
    const code = changedBy ? (changedAt ? "libArticles.conflict.byNameAt" : "libArticles.conflict.byName") : changedAt ? "libArticles.conflict.bySomeoneAt" : "libArticles.conflict.bySomeone";
    super(code, { params, kind: "conflict" });
    this.name = "ArticleConflictError";
  }
}
