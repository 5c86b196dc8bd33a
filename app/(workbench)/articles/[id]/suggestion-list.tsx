"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatFigure } from "@/lib/i18n/figure";
import type { Locale } from "@/lib/i18n/locales";
import type { ListedSuggestion } from "@/lib/suggestions/list-suggestions";

interface SuggestionListProps {
  suggestions: ListedSuggestion[];
  /** How many to list before "Show all". */
  shown: number;
  canTag: boolean;
  busy: boolean;
  onShowAll: () => void;
  onAccept: (s: ListedSuggestion) => void;
  onDismiss: (s: ListedSuggestion) => void;
  onAcceptParagraph: (s: ListedSuggestion) => void;
}

type ItemProps = Omit<SuggestionListProps, "suggestions" | "shown" | "onShowAll"> & { suggestion: ListedSuggestion };

function SuggestionItem({ suggestion: s, canTag, busy, onAccept, onDismiss, onAcceptParagraph }: ItemProps) {
  const t = useTranslations("workbench.suggestions");
  const l = useTranslations("labels");
  const locale = useLocale() as Locale;
  return (
    <li data-suggestion-id={s.id}>
      <span lang="kk">{s.text}</span> <span className="muted">{l(`category.${s.category}`)} {formatFigure(s, locale)}</span>
      {s.claimant && (
        <span className="muted suggestion-claimant" data-testid="suggestion-claimant">
          {" "}{t("claimant")}: <bdi lang="kk">{s.claimant}</bdi>
        </span>
      )}
      {canTag && (
        <span className="suggestion-actions">
          {/* A list of identical "Accept" buttons tells a screen reader nothing: each names its words. */}
          <button type="button" className="secondary small" aria-label={t("acceptLabel", { quote: s.text })} onClick={() => onAccept(s)}>{t("accept")}</button>
          <button type="button" className="secondary small" disabled={busy} aria-label={t("dismissLabel", { quote: s.text })} onClick={() => onDismiss(s)}>{t("dismiss")}</button>
          <button type="button" className="secondary small" disabled={busy} aria-label={t("acceptParagraphLabel", { quote: s.text })} title={t("acceptParagraphTitle")} onClick={() => onAcceptParagraph(s)}>{t("acceptParagraph")}</button>
        </span>
      )}
    </li>
  );
}

/**
 * The suggester's figures not yet tagged, each to accept (into the claim form), dismiss, or accept
 * with its paragraph. The likely claims (lib/extract/ranking.ts) come first; dates, bare "бір" and
 * everyday durations wait behind "Show all", in the text's order like the first group.
 */
export function SuggestionList({ suggestions, shown, onShowAll, ...item }: SuggestionListProps) {
  const t = useTranslations("workbench.suggestions");
  const [expanded, setExpanded] = useState(false);
  const likely = suggestions.filter((s) => s.likely);
  const others = suggestions.filter((s) => !s.likely);
  const listedLikely = likely.slice(0, shown);
  const listedOthers = expanded ? others.slice(0, Math.max(0, shown - listedLikely.length)) : [];

  function toggle() {
    if (!expanded) onShowAll();
    setExpanded(!expanded);
  }

  return (
    <section data-testid="suggestions">
      <h3>{t("heading", { count: suggestions.length })}</h3>
      <h4 className="suggestion-group">{t("likely", { count: likely.length })}</h4>
      {likely.length === 0 ? (
        <p className="muted">{t("noneLikely")}</p>
      ) : (
        <ul className="suggestion-list" data-testid="likely-suggestions">
          {listedLikely.map((s) => <SuggestionItem key={s.id} suggestion={s} {...item} />)}
        </ul>
      )}
      {expanded && others.length > 0 && (
        <>
          <h4 className="suggestion-group">{t("others", { count: others.length })}</h4>
          <ul className="suggestion-list" data-testid="other-suggestions">
            {listedOthers.map((s) => <SuggestionItem key={s.id} suggestion={s} {...item} />)}
          </ul>
        </>
      )}
      {(others.length > 0 || likely.length > listedLikely.length) && (
        <button type="button" className="secondary small" aria-expanded={expanded} onClick={toggle}>
          {expanded ? t("showLikely") : t("showAll", { count: suggestions.length })}
        </button>
      )}
    </section>
  );
}
