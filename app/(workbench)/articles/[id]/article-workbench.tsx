"use client";

import type { JSONContent } from "@tiptap/core";
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { digitKey, letterKey, questionMarkKey } from "@/app/_components/shortcut-keys";
import { useShortcuts, type Shortcut } from "@/app/_components/use-shortcuts";
import { formatFigure } from "@/lib/i18n/figure";
import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { docToPlainText } from "@/lib/document/doc-text";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import type { Locale } from "@/lib/i18n/locales";
import type { ListedSuggestion } from "@/lib/suggestions/list-suggestions";
import { afterNextFrame } from "./after-next-frame";
import { AnnotatedViewer, type ViewerApi, type ViewerSelection } from "./annotated-viewer";
import { defaultsForSelection, defaultsFromSuggestion, paragraphAround } from "./claim-defaults";
import type { Highlight } from "./claim-decorations";
import { claimClassName, claimHighlighter } from "./claim-highlights";
import type { ClaimFormHandle, ClaimFormResult } from "./claim-form";
import { ClaimListPanel } from "./claim-list-panel";
import { CopyClaimLink } from "./copy-claim-link";
import { useClaimSummary } from "./claim-summary";
import { ClaimPanel, EditClaimPanel, NewClaimPanel, preloadLaterPanels, ShortcutsOverlay } from "./later-panels";
import { fromJsonText, type JsonText } from "./json-text";
import type { PackedClaims } from "./packed-claims";
import { useClaimDetails } from "./use-claim-details";
import type { StaticHighlight } from "./static-document";
import { useClaimState } from "./use-claim-state";
import { WorkbenchNotice } from "./workbench-notice";

type Panel =
  | { mode: "list" }
  | { mode: "new"; start: number; end: number; defaults: ClaimFieldsInput; suggestionId?: string }
  | { mode: "claim"; claimId: string; alsoHere: string[] }
  | { mode: "edit"; claimId: string };

interface ArticleWorkbenchProps {
  articleId: string;
  revision: number;
  content: JsonText<JSONContent>;
  /** The policy's answer, asked on the server: may this reader tag claims (and act on suggestions)? */
  mayTag: boolean;
  initialClaims: PackedClaims;
  /** When the page read its claims, less a margin: sent with the first action (lib/claims/article-claim-changes.ts). */
  claimsSyncedAt: string;
  initialSuggestions: JsonText<ListedSuggestion[]>;
}

/** The article's text with its claims highlighted, and the panel beside it: the list, one claim, or the claim form. */
export function ArticleWorkbench({ articleId, revision, content: contentText, mayTag, initialClaims, claimsSyncedAt, initialSuggestions }: ArticleWorkbenchProps) {
  const content = useMemo(() => fromJsonText(contentText), [contentText]);
  // The plain text is derived from the document rather than sent beside it: long articles
  // would otherwise travel twice.
  const text = useMemo(() => docToPlainText(content), [content]);
  const t = useTranslations("workbench");
  const l = useTranslations("labels");
  const f = useTranslations("forms");
  const locale = useLocale() as Locale;
  const claimSummary = useClaimSummary();
  const state = useClaimState({ articleId, revision, initialClaims, claimsSyncedAt, initialSuggestions });
  const { claims, suggestions, busy } = state;
  // /articles/<id>?claim=<claimId> opens with that claim selected (the links of My claims, or pasted in chat).
  const searchParams = useSearchParams();
  const [linkedClaim] = useState(() => {
    const id = searchParams.get("claim");
    return id ? { id, found: claims.some((c) => c.id === id) } : null;
  });
  const [linkMissing, setLinkMissing] = useState(linkedClaim?.found === false);
  const [panel, setPanel] = useState<Panel>(() => (linkedClaim?.found ? { mode: "claim", claimId: linkedClaim.id, alsoHere: [] } : { mode: "list" }));
  const scrollToLinked = useRef(linkedClaim?.found ?? false);
  const [selection, setSelection] = useState<ViewerSelection | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [listAll, setListAll] = useState(false);
  // Read out by screen readers when a form opens or a claim is saved (the panel's live region).
  const [announcement, setAnnouncement] = useState("");
  const viewer = useRef<ViewerApi | null>(null);
  const form = useRef<ClaimFormHandle | null>(null);
  const textBox = useRef<HTMLDivElement | null>(null);
  const panelBox = useRef<HTMLElement | null>(null);

  // The popover scrolls with the text, so its place is kept relative to the text's box.
  function onSelectionChange(next: ViewerSelection | null) {
    const box = textBox.current?.getBoundingClientRect();
    setSelection(next && box ? { ...next, anchor: { left: next.anchor.left - box.left, top: next.anchor.top - box.top } } : next);
  }

  const anchored = useMemo(() => claims.filter((c) => c.anchorStatus === "ANCHORED"), [claims]);
  const orphaned = useMemo(() => claims.filter((c) => c.anchorStatus === "ORPHANED"), [claims]);
  const activeClaimId = panel.mode === "claim" || panel.mode === "edit" ? panel.claimId : null;
  const activeClaim = claims.find((c) => c.id === activeClaimId) ?? null;
  const activeDetails = useClaimDetails(activeClaim, state.showError);

  // The address bar names the open claim, so it can be copied; replaceState neither reloads nor
  // refetches. It is written once the panel is on screen: replaceState (with Next's router taking
  // note) cost 3–15 ms, in the same task as a save's highlight, which waited for it.
  useEffect(() => {
    if (activeClaimId) setLinkMissing(false);
    return afterNextFrame(() => {
      const url = new URL(window.location.href);
      if (activeClaimId) url.searchParams.set("claim", activeClaimId);
      else url.searchParams.delete("claim");
      if (url.href !== window.location.href) window.history.replaceState(null, "", url);
    });
  }, [activeClaimId]);

  function onViewerReady(api: ViewerApi) {
    const first = viewer.current === null;
    viewer.current = api;
    if (first) preloadLaterPanels();
    if (!scrollToLinked.current) return;
    scrollToLinked.current = false;
    const claim = claims.find((c) => c.id === linkedClaim?.id);
    if (claim?.anchorStatus === "ANCHORED") api.scrollToRange(claim);
    panelBox.current?.focus({ preventScroll: true });
  }

  // Apart from the claims' highlights: a claim action leaves the suggestions' titles as they were.
  const suggestionHighlights = useMemo<Highlight[]>(
    () =>
      (typeof window === "undefined" ? [] : suggestions).map((s) => ({
        id: s.id,
        start: s.start,
        end: s.end,
        kind: "suggestion" as const,
        className: "suggestion",
        title: t("summary.suggestion", { category: l(`category.${s.category}`), figure: formatFigure(s, locale) }),
      })),
    [suggestions, t, l, locale],
  );
  // Drawn by the editor, which starts in the browser only: on the server these would be 2,000
  // claim summaries written into nothing, before the page's first byte.
  const claimHighlights = useMemo(() => claimHighlighter(claimSummary), [claimSummary]);
  const highlights = useMemo<Highlight[]>(
    () => (typeof window === "undefined" ? [] : [...suggestionHighlights, ...claimHighlights(anchored, activeClaimId)]),
    [anchored, suggestionHighlights, activeClaimId, claimHighlights],
  );

  // The server draws the text with these before the editor has loaded (static-document.tsx); the
  // editor, once up, draws its own, so they are worked out once, for the first render only.
  const [staticHighlights] = useState<StaticHighlight[]>(() => [
    ...suggestions.map((s) => ({ id: s.id, start: s.start, end: s.end, kind: "suggestion" as const, className: "suggestion" })),
    ...anchored.map((c) => ({ id: c.id, start: c.start, end: c.end, kind: "claim" as const, className: claimClassName(c, c.id === activeClaimId) })),
  ]);

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

  function openNewClaim(range: { start: number; end: number }, defaults: ClaimFieldsInput, suggestionId?: string) {
    setPanel({ mode: "new", start: range.start, end: range.end, defaults, suggestionId });
    setAnnouncement(t("announce.newClaim", { quote: text.slice(range.start, range.end).trim() }));
  }

  function openEdit(claim: ArticleClaim) {
    setPanel({ mode: "edit", claimId: claim.id });
    setAnnouncement(t("announce.editClaim", { quote: claim.quote }));
  }

  /** The words stay highlighted as a claim once saved; the "Tag claim" button must not float over them. */
  function dropSelection() {
    viewer.current?.clearSelection();
    setSelection(null);
  }

  /**
   * After a save, the text's selection is cleared once the frame with the new highlight is drawn:
   * focusing the text lays out the whole article, which before that frame delayed it.
   */
  function dropSelectionAfterSave() {
    setSelection(null);
    afterNextFrame(() => viewer.current?.clearSelection());
  }

  function tagSelection() {
    const current = viewer.current?.selection() ?? selection;
    if (!current || !mayTag || !mayLeaveForm()) return;
    const { defaults, suggestionId } = defaultsForSelection(current, suggestions);
    openNewClaim(current, defaults, suggestionId);
  }

  function onTextClick(offset: number) {
    const here = anchored.filter((c) => c.start <= offset && offset < c.end).sort((a, b) => b.start - a.start || a.end - b.end);
    if (here.length > 0) {
      if (!mayLeaveForm()) return;
      setPanel({ mode: "claim", claimId: here[0].id, alsoHere: here.slice(1).map((c) => c.id) });
      return;
    }
    const suggestion = suggestions.find((s) => s.start <= offset && offset < s.end);
    if (suggestion && mayTag) acceptSuggestion(suggestion);
  }

  function acceptSuggestion(s: ListedSuggestion) {
    if (!mayLeaveForm()) return;
    openNewClaim(s, defaultsFromSuggestion(s), s.id);
  }

  function acceptParagraph(s: ListedSuggestion) {
    const paragraph = paragraphAround(text, s.start);
    state.acceptSuggestions(suggestions.filter((x) => x.start >= paragraph.start && x.end <= paragraph.end).map((x) => x.id));
  }

  async function saveNew(values: ClaimFieldsInput): Promise<ClaimFormResult> {
    if (panel.mode !== "new") return { ok: false, error: t("notice.nothingSelected") };
    return state.createClaim(panel, values, panel.suggestionId, (claimId) => {
      setPanel({ mode: "claim", claimId, alsoHere: [] });
      dropSelectionAfterSave();
      setAnnouncement(t("announce.saved"));
    });
  }

  async function saveEdit(values: ClaimFieldsInput): Promise<ClaimFormResult> {
    if (!activeClaim) return { ok: false, error: t("notice.claimGone") };
    const saved = await state.updateClaim(activeClaim, values);
    if (saved.ok) {
      setPanel({ mode: "claim", claimId: activeClaim.id, alsoHere: [] });
      setAnnouncement(t("announce.saved"));
    }
    return saved;
  }

  const showList = () => setPanel({ mode: "list" });
  const deleteActive = () => activeClaim && state.deleteClaim(activeClaim, showList);
  const submitActive = () => activeClaim && state.submitClaim(activeClaim);
  const undoLast = () => state.undoLast((claimId) => setPanel({ mode: "claim", claimId, alsoHere: [] }));

  function reattachActive() {
    const current = viewer.current?.selection() ?? selection;
    if (!activeClaim) return;
    if (!current) return state.showError(t("notice.selectWordsFirst"));
    state.reattachClaim(activeClaim, current);
  }

  function step(direction: 1 | -1) {
    if (anchored.length === 0) return;
    const index = anchored.findIndex((c) => c.id === activeClaimId);
    const next = index === -1 ? (direction === 1 ? 0 : anchored.length - 1) : (index + direction + anchored.length) % anchored.length;
    openClaim(anchored[next].id);
  }

  function closeOnEscape() {
    if (showShortcuts) return setShowShortcuts(false);
    showList();
    dropSelection();
  }

  const formOpen = panel.mode === "new" || panel.mode === "edit";
  const permissions = activeClaim?.permissions;

  const shortcuts: Shortcut[] = [
    { keys: "j", description: t("shortcuts.next"), matches: letterKey("j"), run: () => step(1) },
    { keys: "k", description: t("shortcuts.previous"), matches: letterKey("k"), run: () => step(-1) },
    { keys: "t", description: t("shortcuts.tag"), matches: letterKey("t"), run: tagSelection },
    {
      keys: "1–9",
      description: t("shortcuts.chooseCategory"),
      matches: (e) => formOpen && digitKey(e) !== null,
      run: (e) => form.current?.chooseCategory(digitKey(e)! - 1),
    },
    { keys: "Ctrl+Enter", description: t("shortcuts.saveForm"), matches: (e) => formOpen && e.key === "Enter" && (e.ctrlKey || e.metaKey), run: () => form.current?.submit(), inFields: true },
    { keys: "e", description: t("shortcuts.edit"), matches: (e) => !!permissions?.canEdit && letterKey("e")(e), run: () => activeClaim && openEdit(activeClaim) },
    { keys: "s", description: t("shortcuts.submit"), matches: (e) => !!permissions?.canSubmit && letterKey("s")(e), run: submitActive },
    { keys: "Delete", description: t("shortcuts.delete"), matches: (e) => !!permissions?.canDelete && !formOpen && e.key === "Delete", run: deleteActive },
    { keys: "u", description: t("shortcuts.undo"), matches: (e) => state.canUndo && letterKey("u")(e), run: undoLast },
    { keys: "Esc", description: t("shortcuts.closePanel"), matches: (e) => e.key === "Escape", run: closeOnEscape, inFields: true },
    { keys: "?", description: t("shortcuts.show"), matches: questionMarkKey, run: () => setShowShortcuts((v) => !v) },
  ];
  useShortcuts(shortcuts);

  return (
    <div className="workbench">
      <div className="workbench-text" ref={textBox}>
        <AnnotatedViewer
          content={content}
          highlights={highlights}
          staticHighlights={staticHighlights}
          onSelectionChange={onSelectionChange}
          onTextClick={onTextClick}
          onReady={onViewerReady}
        />
        {selection && mayTag && !formOpen && (
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

      <aside className="workbench-panel card" aria-label={t("panel.label")} ref={panelBox} tabIndex={-1}>
        <WorkbenchNotice message={state.message} canUndo={state.canUndo} busy={busy} onUndo={undoLast} />
        {linkMissing && panel.mode === "list" && <p className="notice" role="status" data-testid="claim-link-missing">{t("link.claimNotHere")}</p>}
        <p className="visually-hidden" aria-live="polite" data-testid="panel-announcement">{announcement}</p>

        {panel.mode === "new" && (
          <NewClaimPanel
            rangeKey={`${panel.start}-${panel.end}`}
            quote={text.slice(panel.start, panel.end).trim()}
            defaults={panel.defaults}
            formRef={form}
            onSubmit={saveNew}
            onCancel={showList}
          />
        )}

        {panel.mode === "edit" && activeClaim && (
          <EditClaimPanel
            claim={activeClaim}
            details={activeDetails}
            formRef={form}
            onSubmit={saveEdit}
            onCancel={() => setPanel({ mode: "claim", claimId: activeClaim.id, alsoHere: [] })}
          />
        )}

        {panel.mode === "claim" && activeClaim && (
          <ClaimPanel
            claim={activeClaim}
            details={activeDetails}
            alsoHere={panel.alsoHere.flatMap((id) => claims.filter((c) => c.id === id))}
            busy={busy}
            onShowList={showList}
            onOpen={(id) => openClaim(id, [activeClaim.id])}
            onEdit={() => openEdit(activeClaim)}
            onDelete={deleteActive}
            onSubmitForReview={submitActive}
            onReattach={reattachActive}
          />
        )}
        {panel.mode === "claim" && activeClaim && <CopyClaimLink articleId={articleId} claimId={activeClaim.id} />}

        {panel.mode === "list" && (
          <ClaimListPanel
            anchored={anchored}
            orphaned={orphaned}
            suggestions={suggestions}
            listAll={listAll}
            canTag={mayTag}
            busy={busy}
            claimSummary={claimSummary}
            onListAll={() => setListAll(true)}
            onOpen={openClaim}
            onShowShortcuts={() => setShowShortcuts(true)}
            onAcceptSuggestion={acceptSuggestion}
            onDismissSuggestion={state.dismissSuggestion}
            onAcceptParagraph={acceptParagraph}
          />
        )}
      </aside>

      {showShortcuts && <ShortcutsOverlay shortcuts={shortcuts} onClose={() => setShowShortcuts(false)} />}
    </div>
  );
}
