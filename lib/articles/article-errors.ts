import { UserInputError } from "@/lib/users/user-errors";

/** A refusal of the edit itself (empty, unchanged, a copy of another article); `field` names the form field. */
export class ArticleInputError extends UserInputError {
  constructor(message: string, field?: string) {
    super(message, field, "invalid");
    this.name = "ArticleInputError";
  }
}

export class ArticleNotFoundError extends UserInputError {
  constructor() {
    super("This article does not exist.", undefined, "not-found");
    this.name = "ArticleNotFoundError";
  }
}

/**
 * Someone saved a newer revision after this edit was started from an older one. Saving anyway
 * would silently drop their text, so the edit is refused and the message says who and when, so the
 * editor can reload, see their change and redo theirs on top of it.
 */
export class ArticleConflictError extends UserInputError {
  constructor(
    readonly currentRevision: number,
    readonly changedBy: string | null,
    readonly changedAt: Date | null,
  ) {
    const who = changedBy ?? "someone else";
    // The instant as an ISO string: the interface writes it in Almaty time in the reader's language
    // (the "{moment}" argument of its catalog entry, lib/i18n/message-translator.ts).
    const when = changedAt ? ` at ${changedAt.toISOString()}` : "";
    super(
      `This article was changed by ${who}${when} after you opened it (it is now at revision ${currentRevision}). Reload to see their change; nothing of yours was saved.`,
      undefined,
      "conflict",
    );
    this.name = "ArticleConflictError";
  }
}
