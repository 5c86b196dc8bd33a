import { DerekError } from "@/lib/core/errors";

export function claimNotFoundError(): DerekError {
  return new DerekError("libClaims.ref.notFound", { kind: "not-found" });
}

/**
 * Someone else changed the claim after this change was started from it. The message says who
 * and when, so the person can reload and decide again instead of overwriting their colleague.
 */
export function claimChangedError(changedBy: string | null, changedAt: Date | null): DerekError {
  const moment = changedAt?.toISOString();
  if (changedBy !== null && moment) return new DerekError("libClaims.conflict.byNameAt", { params: { name: changedBy, moment }, kind: "conflict" });
  if (changedBy !== null) return new DerekError("libClaims.conflict.byName", { params: { name: changedBy }, kind: "conflict" });
  if (moment) return new DerekError("libClaims.conflict.bySomeoneAt", { params: { moment }, kind: "conflict" });
  return new DerekError("libClaims.conflict.bySomeone", { kind: "conflict" });
}

/**
 * The article got a newer revision after the words were selected in it: offsets into the old text
 * mean nothing in the new one.
 */
export function articleChangedError(revision: number, changedBy: string | null, changedAt: Date | null): DerekError {
  const moment = changedAt?.toISOString();
  if (changedBy !== null && moment) return new DerekError("libArticles.conflict.byNameAt", { params: { name: changedBy, moment, revision }, kind: "conflict" });
  if (changedBy !== null) return new DerekError("libArticles.conflict.byName", { params: { name: changedBy, revision }, kind: "conflict" });
  if (moment) return new DerekError("libArticles.conflict.bySomeoneAt", { params: { moment, revision }, kind: "conflict" });
  return new DerekError("libArticles.conflict.bySomeone", { params: { revision }, kind: "conflict" });
}
