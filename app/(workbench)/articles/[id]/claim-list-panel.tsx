"use client";

import { useTranslations } from "next-intl";
import { memo, useCallback, useRef } from "react";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import type { ListedSuggestion } from "@/lib/suggestions/list-suggestions";
import { SuggestionList } from "./suggestion-list";

// Long articles carry thousands of claims; listing them all up front costs more than a second
// of rendering, while j/k and the highlights reach every one of them anyway.
const LIST_FIRST = 50;

interface ClaimListPanelProps {
  anchored: ArticleClaim[];
  orphaned: ArticleClaim[];
  suggestions: ListedSuggestion[];
  /** Whether "Show all" was chosen: the claims and the suggestions are then listed whole. */
  listAll: boolean;
  canTag: boolean;
  busy: boolean;
  claimSummary: (claim: ArticleClaim) => string;
  onListAll: () => void;
  onOpen: (claimId: string) => void;
  onShowShortcuts: () => void;
  onAcceptSuggestion: (s: ListedSuggestion) => void;
  onDismissSuggestion: (s: ListedSuggestion) => void;
  onAcceptParagraph: (s: ListedSuggestion) => void;
}

interface ClaimRowProps {
  claim: ArticleClaim;
  summary: string;
  onOpen: (claimId: string) => void;
}

/**
 * One claim of the list. Memoised by its claim object and summary (the same after an action that
 * did not change this claim, claim-changes.ts), so a change with every claim listed re-renders
 * the one row it changed instead of all of them.
 */
const ClaimRow = memo(function ClaimRow({ claim, summary, onOpen }: ClaimRowProps) {
  return (
    <li>
      <button type="button" className="link" onClick={() => onOpen(claim.id)}>
        <span className={`dot claim--${claim.status.toLowerCase()}`} aria-hidden /> {claim.quote}
      </button>
      <span className="muted"> {summary}</span>
    </li>
  );
});

/** The panel when no claim is open: the article's claims, those whose words were lost, and the suggestions. */
export function ClaimListPanel(props: ClaimListPanelProps) {
  const { anchored, orphaned, suggestions, listAll, canTag, claimSummary, onListAll, onOpen } = props;
  const t = useTranslations("workbench");
  const shown = listAll ? Infinity : LIST_FIRST;
  // The workbench's callback changes with its claims; the rows get one that stays, calling the latest.
  const latestOnOpen = useRef(onOpen);
  latestOnOpen.current = onOpen;
  const open = useCallback((claimId: string) => latestOnOpen.current(claimId), []);
  return (
    <>
      <div className="panel-head">
        <h2>{t("list.heading", { count: anchored.length })}</h2>
        <button type="button" className="secondary small" onClick={props.onShowShortcuts}>{t("list.shortcuts")} <kbd>?</kbd></button>
      </div>
      {anchored.length === 0 ? (
        <p className="muted">{canTag ? t("list.hintCanTag") : t("list.empty")}</p>
      ) : (
        <ol className="claim-list" data-testid="claim-list">
          {anchored.slice(0, shown).map((c) => (
            <ClaimRow key={c.id} claim={c} summary={claimSummary(c)} onOpen={open} />
          ))}
        </ol>
      )}
      {anchored.length > shown && (
        <button type="button" className="secondary small" onClick={onListAll}>
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
                <button type="button" className="link" onClick={() => onOpen(c.id)}>{t("orphaned.quote", { quote: c.quote })}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {suggestions.length > 0 && (
        <SuggestionList
          suggestions={suggestions}
          shown={shown}
          canTag={canTag}
          busy={props.busy}
          onShowAll={onListAll}
          onAccept={props.onAcceptSuggestion}
          onDismiss={props.onDismissSuggestion}
          onAcceptParagraph={props.onAcceptParagraph}
        />
      )}
    </>
  );
}
