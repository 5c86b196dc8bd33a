import { UserInputError } from "@/lib/users/user-errors";

/**
 * Someone else changed the claim after this change was started from it. The message says who
 * and when, so the person can reload and decide again instead of overwriting their colleague.
 */
export class ClaimConflictError extends UserInputError {
  constructor(readonly changedBy: string | null, readonly changedAt: Date | null) {
    const who = changedBy ?? "someone else";
    // The instant as an ISO string: the interface writes it in Almaty time in the reader's language
    // (the "{moment}" argument of its catalog entry, lib/i18n/message-translator.ts).
    const when = changedAt ? ` at ${changedAt.toISOString()}` : "";
    super(`This claim was changed by ${who}${when} after you opened it. Reload to see their change; nothing of yours was saved.`, undefined, "conflict");
    this.name = "ClaimConflictError";
  }
}

export class ClaimNotFoundError extends UserInputError {
  constructor() {
    super("This claim does not exist or was deleted.", undefined, "not-found");
    this.name = "ClaimNotFoundError";
  }
}
