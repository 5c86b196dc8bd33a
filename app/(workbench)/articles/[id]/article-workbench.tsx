"use client";

import type { JSONContent } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { can, type Actor } from "@/lib/auth/policy";
import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import type { ClaimDetails } from "@/lib/claims/get-claim-details";
import { docToPlainText } from "@/lib/document/doc-text";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import type { ListedSuggestion } from "@/lib/suggestions/list-suggestions";
import {
  acceptSuggestionsAction,
  claimDetailsAction,
  createClaimAction,
  deleteClaimAction,
  dismissSuggestionAction,
  reattachClaimAction,
  restoreClaimAction,
  undismissSuggestionAction,
  submitClaimAction,
  updateClaimAction,
} from "./actions";
import { AnnotatedViewer, type ViewerApi, type ViewerSelection } from "./annotated-viewer";
import type { Highlight } from "./claim-decorations";
import { ClaimDetails as ClaimDetailsPanel } from "./claim-details";
import { ClaimForm, type ClaimFormHandle, type ClaimFormResult, type KnownSource } from "./claim-form";
import { useFigureFormat } from "./figure-format";
import { figureSummary } from "./labels";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { plainKey, useShortcuts, type Shortcut } from "./use-shortcuts";

type Panel =
  | { mode: "list" }
  | { mode: "new"; start: number; end: number; defaults: ClaimFieldsInput; suggestionId?: string }
  | { mode: "claim"; claimId: string; alsoHere: string[] }
  | { mode: "edit"; claimId: string };

interface ArticleWorkbenchProps {
  articleId: string;
  revision: number;
  content: JSONContent;
  actor: Actor;
  initialClaims: ArticleClaim[];
  initialSuggestions: ListedSuggestion[];
  knownSources: KnownSource[];
}

// Long articles carry thousands of claims; listing them all up front costs more than a second
// of rendering, while j/k and the highlights reach every one of them anyway.
const LIST_FIRST = 50;

const EMPTY_CLAIM: ClaimFieldsInput = { category: "OTHER", qualifier: "EXACT", sources: [] };

function defaultsFromSuggestion(s: ListedSuggestion): ClaimFieldsInput {
  return {
    category: s.category,
    value: s.value ?? "",
    min: s.min ?? "",
    max: s.max ?? "",
    unit: s.unit ?? "",
    qualifier: s.value || s.min || s.max ? s.qualifier : "VAGUE",
    eventDate: s.date && /^\d{4}-\d{2}-\d{2}$/.test(s.date) ? s.date : "",
    sources: [],
  };
}

function defaultsFromClaim(c: ArticleClaim, d: ClaimDetails): ClaimFieldsInput {
  return {
    category: c.category,
    value: c.value ?? "",
    min: c.min ?? "",
    max: c.max ?? "",
    unit: c.unit ?? "",
    qualifier: c.qualifier,
    claimant: c.claimant ?? "",
    eventDate: d.eventDate ?? "",
    note: d.note ?? "",
    sources: d.sources.map((s) => ({ sourceId: s.source.id, stance: s.stance, passage: s.passage ?? "" })),
  };
}

/** The line of the plain text that holds an offset: one paragraph of the viewer. */
function paragraphAround(text: string, offset: number) {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const next = text.indexOf("\n", offset);
  return { start, end: next === -1 ? text.length : next };
}

export function ArticleWorkbench({ articleId, revision, content, actor, initialClaims, initialSuggestions, knownSources }: ArticleWorkbenchProps) {
  // The plain text is derived from the document rather than sent beside it: long articles
  // would otherwise travel twice.
  const text = useMemo(() => docToPlainText(content), [content]);
  const t = useTranslations("workbench");
  const l = useTranslations("labels");
  const f = useTranslations("forms");
  const translateMessage = useTranslateMessage();
  const figureFormat = useFigureFormat();
  const [claims, setClaims] = useState(initialClaims);
  const [suggestions, setSuggestions] = useState(initialSuggestions);
  const [panel, setPanel] = useState<Panel>({ mode: "list" });
  const [selection, setSelection] = useState<ViewerSelection | null>(null);
  // An error is kept as the server wrote it and translated when shown; offersUndo marks the
  // notices the last action can be undone from; retry, a change whose request did not arrive.
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string; offersUndo?: boolean; retry?: () => void } | null>(null);
  const [undo, setUndo] = useState<{ kind: "claim"; claimId: string; version: number } | { kind: "suggestion"; suggestionId: string } | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [listAll, setListAll] = useState(false);
  const [busy, startTransition] = useTransition();
  const viewer = useRef<ViewerApi | null>(null);
  const form = useRef<ClaimFormHandle | null>(null);
  const textBox = useRef<HTMLDivElement | null>(null);

  // The popover scrolls with the text, so its place is kept relative to the text's box.
  function onSelectionChange(next: ViewerSelection | null) {
    const box = textBox.current?.getBoundingClientRect();
    setSelection(next && box ? { ...next, anchor: { left: next.anchor.left - box.left, top: next.anchor.top - box.top } } : next);
  }

  const anchored = useMemo(() => claims.filter((c) => c.anchorStatus === "ANCHORED"), [claims]);
  const orphaned = useMemo(() => claims.filter((c) => c.anchorStatus === "ORPHANED"), [claims]);
  const activeClaimId = panel.mode === "claim" || panel.mode === "edit" ? panel.claimId : null;
  const activeClaim = claims.find((c) => c.id === activeClaimId) ?? null;
  const canTag = can(actor, "claim.create");
  // Details of the open claim, read when it is opened and again whenever its version changes.
  const [details, setDetails] = useState<ClaimDetails | null>(null);
  const activeDetails = details && activeClaim && details.id === activeClaim.id && details.version === activeClaim.version ? details : null;
  useEffect(() => {
    if (!activeClaim || activeDetails) return;
    let cancelled = false;
    void sendAction(claimDetailsAction, { claimId: activeClaim.id }).then((result) => {
      if (cancelled) return;
      if (result.ok) setDetails(result.data);
      else setMessage({ kind: "error", text: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [activeClaim, activeDetails]);

  const claimSummary = useCallback(
    (claim: ArticleClaim) =>
      [
        t("summary.claim", { category: l(`category.${claim.category}`), figure: figureSummary(claim, figureFormat) || "—", status: l(`status.${claim.status}`) }),
        claim.claimant,
      ]
        .filter(Boolean)
        .join(" · "),
    [t, l, figureFormat],
  );

  const highlights = useMemo<Highlight[]>(
    () => [
      ...suggestions.map((s) => ({
        id: s.id,
        start: s.start,
        end: s.end,
        kind: "suggestion" as const,
        className: "suggestion",
        title: t("summary.suggestion", { category: l(`category.${s.category}`), figure: figureSummary(s, figureFormat) }),
      })),
      ...anchored.map((c) => ({
        id: c.id,
        start: c.start,
        end: c.end,
        kind: "claim" as const,
        className: `claim claim--${c.status.toLowerCase()}${c.id === activeClaimId ? " claim--active" : ""}`,
        title: claimSummary(c),
      })),
    ],
    [anchored, suggestions, activeClaimId, claimSummary, t, l, figureFormat],
  );

  /**
   * Opening something else in the panel throws away a half-filled claim form: ask first. Esc and
   * Cancel close it without asking: they are the person's own way of throwing it away.
   */
  const mayLeaveForm = useCallback(
    () => (panel.mode !== "new" && panel.mode !== "edit") || !form.current?.isDirty() || window.confirm(f("leaveUnsaved")),
    [panel.mode, f],
  );

  const openClaim = useCallback(
    (claimId: string, alsoHere: string[] = []) => {
      if (!mayLeaveForm()) return;
      setPanel({ mode: "claim", claimId, alsoHere });
      const claim = claims.find((c) => c.id === claimId);
      if (claim && claim.anchorStatus === "ANCHORED") viewer.current?.scrollToRange(claim);
    },
    [claims, mayLeaveForm],
  );

  /** A refusal, or a change that did not arrive (then offered again as it was: `retry`). */
  function report(result: { ok: false; error: string }, retry?: () => void) {
    setMessage({ kind: "error", text: result.error, retry: isNotDelivered(result) ? retry : undefined });
  }

  function tagSelection() {
    const current = viewer.current?.selection() ?? selection;
    if (!current || !canTag || !mayLeaveForm()) return;
    setPanel({ mode: "new", start: current.start, end: current.end, defaults: EMPTY_CLAIM });
  }

  function onTextClick(offset: number) {
    const here = anchored.filter((c) => c.start <= offset && offset < c.end).sort((a, b) => b.start - a.start || a.end - b.end);
    if (here.length > 0) {
      if (!mayLeaveForm()) return;
      setPanel({ mode: "claim", claimId: here[0].id, alsoHere: here.slice(1).map((c) => c.id) });
      return;
    }
    const suggestion = suggestions.find((s) => s.start <= offset && offset < s.end);
    if (suggestion && canTag) acceptSuggestion(suggestion);
  }

  function acceptSuggestion(s: ListedSuggestion) {
    if (!mayLeaveForm()) return;
    setPanel({ mode: "new", start: s.start, end: s.end, defaults: defaultsFromSuggestion(s), suggestionId: s.id });
  }

  function dismiss(s: ListedSuggestion) {
    startTransition(async () => {
      const result = await sendAction(dismissSuggestionAction, { articleId, suggestionId: s.id });
      if (!result.ok) return report(result, () => dismiss(s));
      setSuggestions(result.data.suggestions);
      setUndo({ kind: "suggestion", suggestionId: s.id });
      setMessage({ kind: "info", text: t("notice.suggestionDismissed"), offersUndo: true });
    });
  }

  function acceptParagraph(s: ListedSuggestion) {
    const paragraph = paragraphAround(text, s.start);
    const ids = suggestions.filter((x) => x.start >= paragraph.start && x.end <= paragraph.end).map((x) => x.id);
    startTransition(async () => {
      const result = await sendAction(acceptSuggestionsAction, { articleId, suggestionIds: ids });
      if (!result.ok) return report(result, () => acceptParagraph(s));
      setClaims(result.data.claims);
      setSuggestions(result.data.suggestions);
      setMessage({ kind: "info", text: t("notice.taggedParagraph", { count: result.data.claimIds.length }) });
    });
  }

  async function saveNew(values: ClaimFieldsInput): Promise<ClaimFormResult> {
    if (panel.mode !== "new") return { ok: false, error: t("notice.nothingSelected") };
    const result = await sendAction(createClaimAction, { articleId, revision, start: panel.start, end: panel.end, ...values });
    if (!result.ok) return result;
    setClaims(result.data.claims);
    if (panel.suggestionId) setSuggestions((list) => list.filter((s) => s.id !== panel.suggestionId));
    setMessage(null);
    setPanel({ mode: "claim", claimId: result.data.claimId, alsoHere: [] });
    return { ok: true };
  }

  async function saveEdit(values: ClaimFieldsInput): Promise<ClaimFormResult> {
    if (!activeClaim) return { ok: false, error: t("notice.claimGone") };
    const result = await sendAction(updateClaimAction, { claimId: activeClaim.id, expectedVersion: activeClaim.version, ...values });
    if (!result.ok) return result;
    setClaims(result.data.claims);
    setPanel({ mode: "claim", claimId: activeClaim.id, alsoHere: [] });
    return { ok: true };
  }

  function deleteActive() {
    if (!activeClaim) return;
    const ref = { claimId: activeClaim.id, expectedVersion: activeClaim.version };
    startTransition(async () => {
      const result = await sendAction(deleteClaimAction, ref);
      if (!result.ok) return report(result, deleteActive);
      setClaims(result.data.claims);
      setUndo({ kind: "claim", claimId: ref.claimId, version: result.data.version });
      setPanel({ mode: "list" });
      setMessage({ kind: "info", text: t("notice.claimDeleted"), offersUndo: true });
    });
  }

  function undoLast() {
    const last = undo;
    if (!last) return;
    startTransition(async () => {
      if (last.kind === "suggestion") {
        const result = await sendAction(undismissSuggestionAction, { articleId, suggestionId: last.suggestionId });
        if (!result.ok) return report(result, undoLast);
        setSuggestions(result.data.suggestions);
        setUndo(null);
        setMessage({ kind: "info", text: t("notice.suggestionRestored") });
        return;
      }
      const result = await sendAction(restoreClaimAction, { claimId: last.claimId, expectedVersion: last.version });
      if (!result.ok) return report(result, undoLast);
      setClaims(result.data.claims);
      setUndo(null);
      setMessage({ kind: "info", text: t("notice.claimRestored") });
      setPanel({ mode: "claim", claimId: last.claimId, alsoHere: [] });
    });
  }

  /** Puts an orphaned claim back on the words selected now. */
  function reattachActive() {
    const current = viewer.current?.selection() ?? selection;
    if (!activeClaim) return;
    if (!current) {
      setMessage({ kind: "error", text: t("notice.selectWordsFirst") });
      return;
    }
    startTransition(async () => {
      const result = await sendAction(reattachClaimAction, {
        claimId: activeClaim.id,
        expectedVersion: activeClaim.version,
        expectedRevision: revision,
        start: current.start,
        end: current.end,
      });
      if (!result.ok) return report(result, reattachActive);
      setClaims(result.data.claims);
      setMessage({ kind: "info", text: t("notice.claimReattached") });
    });
  }

  function submitActive() {
    if (!activeClaim) return;
    startTransition(async () => {
      const result = await sendAction(submitClaimAction, { claimId: activeClaim.id, expectedVersion: activeClaim.version });
      if (!result.ok) return report(result, submitActive);
      setClaims(result.data.claims);
      setMessage({ kind: "info", text: t("notice.submitted") });
    });
  }

  function step(direction: 1 | -1) {
    if (anchored.length === 0) return;
    const index = anchored.findIndex((c) => c.id === activeClaimId);
    const next = index === -1 ? (direction === 1 ? 0 : anchored.length - 1) : (index + direction + anchored.length) % anchored.length;
    openClaim(anchored[next].id);
  }

  const formOpen = panel.mode === "new" || panel.mode === "edit";
  const claimRef = activeClaim ? { authorId: activeClaim.authorId, status: activeClaim.status } : undefined;
  const canChange = !!claimRef && can(actor, "claim.edit", claimRef);
  const canSubmit = !!claimRef && can(actor, "claim.submit", claimRef) && activeClaim?.status !== "DISPUTED";

  const shortcuts: Shortcut[] = [
    { keys: "j", description: t("shortcuts.next"), matches: plainKey("j"), run: () => step(1) },
    { keys: "k", description: t("shortcuts.previous"), matches: plainKey("k"), run: () => step(-1) },
    { keys: "t", description: t("shortcuts.tag"), matches: plainKey("t"), run: tagSelection },
    {
      keys: "1–9",
      description: t("shortcuts.chooseCategory"),
      matches: (e) => formOpen && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey,
      run: (e) => form.current?.chooseCategory(Number(e.key) - 1),
    },
    { keys: "Ctrl+Enter", description: t("shortcuts.saveForm"), matches: (e) => formOpen && e.key === "Enter" && (e.ctrlKey || e.metaKey), run: () => form.current?.submit(), inFields: true },
    { keys: "e", description: t("shortcuts.edit"), matches: (e) => canChange && plainKey("e")(e), run: () => activeClaim && setPanel({ mode: "edit", claimId: activeClaim.id }) },
    { keys: "s", description: t("shortcuts.submit"), matches: (e) => canSubmit && plainKey("s")(e), run: submitActive },
    { keys: "Delete", description: t("shortcuts.delete"), matches: (e) => canChange && !formOpen && e.key === "Delete", run: deleteActive },
    { keys: "u", description: t("shortcuts.undo"), matches: (e) => !!undo && plainKey("u")(e), run: undoLast },
    { keys: "Esc", description: t("shortcuts.closePanel"), matches: (e) => e.key === "Escape", run: () => (showShortcuts ? setShowShortcuts(false) : setPanel({ mode: "list" })), inFields: true },
    { keys: "?", description: t("shortcuts.show"), matches: (e) => e.key === "?", run: () => setShowShortcuts((v) => !v) },
  ];
  useShortcuts(shortcuts);

  return (
    <div className="workbench">
      <div className="workbench-text" ref={textBox}>
        <AnnotatedViewer
          content={content}
          highlights={highlights}
          onSelectionChange={onSelectionChange}
          onTextClick={onTextClick}
          onReady={(api) => (viewer.current = api)}
        />
        {selection && canTag && !formOpen && (
          <button
            type="button"
            className="tag-popover"
            style={{ left: selection.anchor.left, top: selection.anchor.top + 6 }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={tagSelection}
          >
            {t("viewer.tagClaim")} <kbd>t</kbd>
          </button>
        )}
      </div>

      <aside className="workbench-panel card" aria-label={t("panel.label")}>
        {message?.retry && <NotDeliveredMessage onRetry={message.retry} busy={busy} />}
        {message && !message.retry && (
          <p className={message.kind === "error" ? "form-error" : "notice"} role={message.kind === "error" ? "alert" : "status"}>
            {message.kind === "error" ? translateMessage(message.text) : message.text}
            {undo && message.offersUndo && (
              <button type="button" className="secondary small" onClick={undoLast}>{t("panel.undo")} <kbd>u</kbd></button>
            )}
          </p>
        )}

        {panel.mode === "new" && (
          <>
            <h2>{t("panel.newClaim")}</h2>
            <ClaimForm
              key={`new-${panel.start}-${panel.end}`}
              ref={form}
              quote={text.slice(panel.start, panel.end).trim()}
              defaultValues={panel.defaults}
              knownSources={knownSources}
              submitLabel={t("panel.saveClaim")}
              onSubmit={saveNew}
              onCancel={() => setPanel({ mode: "list" })}
            />
          </>
        )}

        {panel.mode === "edit" && activeClaim && !activeDetails && <p className="muted">{t("panel.loading")}</p>}
        {panel.mode === "edit" && activeClaim && activeDetails && (
          <>
            <h2>{t("panel.editClaim")}</h2>
            <ClaimForm
              key={`edit-${activeClaim.id}-${activeClaim.version}`}
              ref={form}
              quote={activeClaim.quote}
              defaultValues={defaultsFromClaim(activeClaim, activeDetails)}
              knownSources={knownSources}
              submitLabel={t("panel.saveChanges")}
              onSubmit={saveEdit}
              onCancel={() => setPanel({ mode: "claim", claimId: activeClaim.id, alsoHere: [] })}
            />
          </>
        )}

        {panel.mode === "claim" && activeClaim && (
          <>
            <div className="panel-head">
              <h2>{t("panel.claim")}</h2>
              <button type="button" className="secondary small" onClick={() => setPanel({ mode: "list" })}>{t("panel.allClaims")}</button>
            </div>
            {panel.alsoHere.length > 0 && (
              <p className="muted">
                {t("panel.alsoHere")}{" "}
                {panel.alsoHere.map((id) => {
                  const other = claims.find((c) => c.id === id);
                  return other ? (
                    <button key={id} type="button" className="link" onClick={() => openClaim(id, [activeClaim.id])}>
                      {other.quote}
                    </button>
                  ) : null;
                })}
              </p>
            )}
            <ClaimDetailsPanel
              claim={activeClaim}
              details={activeDetails}
              canChange={canChange}
              canSubmit={canSubmit}
              busy={busy}
              onEdit={() => setPanel({ mode: "edit", claimId: activeClaim.id })}
              onDelete={deleteActive}
              onSubmitForReview={submitActive}
            />
            {activeClaim.anchorStatus === "ORPHANED" && canChange && (
              <div className="notice" data-testid="reattach">
                <p>{t("reattach.prompt")}</p>
                <button type="button" disabled={busy} onClick={reattachActive}>{t("reattach.button")}</button>
              </div>
            )}
          </>
        )}

        {panel.mode === "list" && (
          <>
            <div className="panel-head">
              <h2>{t("list.heading", { count: anchored.length })}</h2>
              <button type="button" className="secondary small" onClick={() => setShowShortcuts(true)}>{t("list.shortcuts")} <kbd>?</kbd></button>
            </div>
            {anchored.length === 0 ? (
              <p className="muted">{canTag ? t("list.hintCanTag") : t("list.empty")}</p>
            ) : (
              <ol className="claim-list" data-testid="claim-list">
                {(listAll ? anchored : anchored.slice(0, LIST_FIRST)).map((c) => (
                  <li key={c.id}>
                    <button type="button" className="link" onClick={() => openClaim(c.id)}>
                      <span className={`dot claim--${c.status.toLowerCase()}`} aria-hidden /> {c.quote}
                    </button>
                    <span className="muted"> {claimSummary(c)}</span>
                  </li>
                ))}
              </ol>
            )}
            {!listAll && anchored.length > LIST_FIRST && (
              <button type="button" className="secondary small" onClick={() => setListAll(true)}>
                {t("list.showAll", { count: anchored.length })}
              </button>
            )}
            {orphaned.length > 0 && (
              <section data-testid="orphaned-claims">
                <h3>{t("orphaned.heading", { count: orphaned.length })}</h3>
                <p className="muted">{t("orphaned.explain")}</p>
                <ul className="claim-list">
                  {orphaned.map((c) => (
                    <li key={c.id}>
                      <button type="button" className="link" onClick={() => openClaim(c.id)}>{t("orphaned.quote", { quote: c.quote })}</button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {suggestions.length > 0 && (
              <section data-testid="suggestions">
                <h3>{t("suggestions.heading", { count: suggestions.length })}</h3>
                <ul className="suggestion-list">
                  {(listAll ? suggestions : suggestions.slice(0, LIST_FIRST)).map((s) => (
                    <li key={s.id} data-suggestion-id={s.id}>
                      <span lang="kk">{s.text}</span> <span className="muted">{l(`category.${s.category}`)} {figureSummary(s, figureFormat)}</span>
                      {canTag && (
                        <span className="suggestion-actions">
                          <button type="button" className="secondary small" onClick={() => acceptSuggestion(s)}>{t("suggestions.accept")}</button>
                          <button type="button" className="secondary small" disabled={busy} onClick={() => dismiss(s)}>{t("suggestions.dismiss")}</button>
                          <button type="button" className="secondary small" disabled={busy} aria-label={t("suggestions.acceptParagraphLabel")} title={t("suggestions.acceptParagraphTitle")} onClick={() => acceptParagraph(s)}>{t("suggestions.acceptParagraph")}</button>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
                {!listAll && suggestions.length > LIST_FIRST && (
                  <button type="button" className="secondary small" onClick={() => setListAll(true)}>
                    {t("suggestions.showAll", { count: suggestions.length })}
                  </button>
                )}
              </section>
            )}
          </>
        )}
      </aside>

      {showShortcuts && <ShortcutsOverlay shortcuts={shortcuts} onClose={() => setShowShortcuts(false)} />}
    </div>
  );
}
