"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import type { TextRange } from "@/lib/document/text-index";
import type { ListedSuggestion } from "@/lib/suggestions/list-suggestions";
import {
  acceptSuggestionsAction,
  createClaimAction,
  deleteClaimAction,
  dismissSuggestionAction,
  reattachClaimAction,
  restoreClaimAction,
  submitClaimAction,
  undismissSuggestionAction,
  updateClaimAction,
} from "./actions";
import { applyClaimChanges, type ClaimChanges } from "./claim-changes";
import type { ClaimFormResult } from "./claim-form";
import { fromJsonText, type JsonText } from "./json-text";
import { unpackClaims, type PackedClaims } from "./packed-claims";

/**
 * A notice over the panel. An error is kept as the server wrote it and translated where it is
 * shown (WorkbenchNotice); offersUndo marks the notices the last action can be undone from;
 * retry, a change whose request did not arrive.
 */
export interface WorkbenchMessage {
  kind: "error" | "info";
  text: string;
  offersUndo?: boolean;
  retry?: () => void;
}

type Undo = { kind: "claim"; claimId: string; version: number } | { kind: "suggestion"; suggestionId: string };

type Answer<T> = { ok: true; data: T } | { ok: false; error: string };

interface ClaimStateOptions {
  articleId: string;
  revision: number;
  initialClaims: PackedClaims;
  claimsSyncedAt: string;
  initialSuggestions: JsonText<ListedSuggestion[]>;
}

/**
 * The article's claims and suggestions as the server last answered them, the notice over the
 * panel and what can be undone. Every change goes to the server; a claim action answers with the
 * claims it changed as they now are (taken in by applyClaimChanges), a suggestion action with the
 * suggestions, so nothing here is guessed on the client.
 */
export function useClaimState({ articleId, revision, initialClaims, claimsSyncedAt, initialSuggestions }: ClaimStateOptions) {
  const t = useTranslations("workbench.notice");
  const [claims, setClaims] = useState(() => unpackClaims(initialClaims));
  const [suggestions, setSuggestions] = useState(() => fromJsonText(initialSuggestions));
  const [message, setMessage] = useState<WorkbenchMessage | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [busy, startTransition] = useTransition();
  // The latest sync point answered: each claim action sends it, and the answer carries the claims
  // colleagues changed since, so they appear without a reload.
  const syncedAt = useRef(claimsSyncedAt);
  const takeChanges = (changes: ClaimChanges) => {
    if (changes.syncedAt && changes.syncedAt > syncedAt.current) syncedAt.current = changes.syncedAt;
    setClaims((current) => applyClaimChanges(current, changes));
  };
  const synced = <T extends object>(input: T) => ({ ...input, since: syncedAt.current });

  /** A refusal, or a change that did not arrive (then offered again as it was: `retry`). */
  function report(result: { ok: false; error: string }, retry?: () => void) {
    setMessage({ kind: "error", text: result.error, retry: isNotDelivered(result) ? retry : undefined });
  }

  /** Runs a server action, then takes what it answered, or shows why not. */
  function perform<T>(send: () => Promise<Answer<T>>, apply: (data: T) => void, retry: () => void) {
    startTransition(async () => {
      const result = await send();
      if (!result.ok) return report(result, retry);
      apply(result.data);
    });
  }

  function dismissSuggestion(s: ListedSuggestion) {
    perform(
      () => sendAction(dismissSuggestionAction, { articleId, suggestionId: s.id }),
      (data) => {
        setSuggestions(data.suggestions);
        setUndo({ kind: "suggestion", suggestionId: s.id });
        setMessage({ kind: "info", text: t("suggestionDismissed"), offersUndo: true });
      },
      () => dismissSuggestion(s),
    );
  }

  function acceptSuggestions(suggestionIds: string[]) {
    perform(
      () => sendAction(acceptSuggestionsAction, synced({ articleId, suggestionIds })),
      (data) => {
        takeChanges(data);
        setSuggestions(data.suggestions);
        setMessage({ kind: "info", text: t("taggedParagraph", { count: data.claimIds.length }) });
      },
      () => acceptSuggestions(suggestionIds),
    );
  }

  /**
   * A form's save: a refusal goes back to the form, to be shown beside its fields. The saved claim
   * is taken in, and `onSaved` (the panel's own change) made, in one synchronous render: left to
   * the scheduler, that render came after the browser had drawn a frame of the page as it was,
   * which on a long article is a layout and paint of the whole text before the highlight is in.
   */
  async function createClaim(
    range: TextRange,
    values: ClaimFieldsInput,
    suggestionId: string | undefined,
    onSaved: (claimId: string) => void,
  ): Promise<ClaimFormResult> {
    const result = await sendAction(createClaimAction, synced({ articleId, revision, start: range.start, end: range.end, ...values }));
    if (!result.ok) return result;
    flushSync(() => {
      takeChanges(result.data);
      if (suggestionId) setSuggestions((list) => list.filter((s) => s.id !== suggestionId));
      setMessage(null);
      onSaved(result.data.claimId);
    });
    return { ok: true };
  }

  async function updateClaim(claim: ArticleClaim, values: ClaimFieldsInput): Promise<ClaimFormResult> {
    const result = await sendAction(updateClaimAction, synced({ claimId: claim.id, expectedVersion: claim.version, ...values }));
    if (!result.ok) return result;
    takeChanges(result.data);
    return { ok: true };
  }

  function deleteClaim(claim: ArticleClaim, onDeleted: () => void) {
    perform(
      () => sendAction(deleteClaimAction, synced({ claimId: claim.id, expectedVersion: claim.version })),
      (data) => {
        takeChanges(data);
        setUndo({ kind: "claim", claimId: claim.id, version: data.version });
        onDeleted();
        setMessage({ kind: "info", text: t("claimDeleted"), offersUndo: true });
      },
      () => deleteClaim(claim, onDeleted),
    );
  }

  /** Takes the last deletion or dismissal back; a restored claim is handed to onClaimRestored. */
  function undoLast(onClaimRestored: (claimId: string) => void) {
    const last = undo;
    if (!last) return;
    const retry = () => undoLast(onClaimRestored);
    if (last.kind === "suggestion") {
      perform(
        () => sendAction(undismissSuggestionAction, { articleId, suggestionId: last.suggestionId }),
        (data) => {
          setSuggestions(data.suggestions);
          setUndo(null);
          setMessage({ kind: "info", text: t("suggestionRestored") });
        },
        retry,
      );
      return;
    }
    perform(
      () => sendAction(restoreClaimAction, synced({ claimId: last.claimId, expectedVersion: last.version })),
      (data) => {
        takeChanges(data);
        setUndo(null);
        setMessage({ kind: "info", text: t("claimRestored") });
        onClaimRestored(last.claimId);
      },
      retry,
    );
  }

  /** Puts an orphaned claim back on the words selected now. */
  function reattachClaim(claim: ArticleClaim, range: TextRange) {
    perform(
      () => sendAction(reattachClaimAction, synced({ claimId: claim.id, expectedVersion: claim.version, expectedRevision: revision, start: range.start, end: range.end })),
      (data) => {
        takeChanges(data);
        setMessage({ kind: "info", text: t("claimReattached") });
      },
      () => reattachClaim(claim, range),
    );
  }

  function submitClaim(claim: ArticleClaim) {
    perform(
      () => sendAction(submitClaimAction, synced({ claimId: claim.id, expectedVersion: claim.version })),
      (data) => {
        takeChanges(data);
        setMessage({ kind: "info", text: t("submitted") });
      },
      () => submitClaim(claim),
    );
  }

  return {
    claims,
    suggestions,
    message,
    canUndo: undo !== null,
    busy,
    showError: (text: string) => setMessage({ kind: "error", text }),
    dismissSuggestion,
    acceptSuggestions,
    createClaim,
    updateClaim,
    deleteClaim,
    undoLast,
    reattachClaim,
    submitClaim,
  };
}
