"use client";

import { useLocale, useTranslations } from "next-intl";
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

/** The suggester's figures not yet tagged, each to accept (into the claim form), dismiss, or accept with its paragraph. */
export function SuggestionList({ suggestions, shown, canTag, busy, onShowAll, onAccept, onDismiss, onAcceptParagraph }: SuggestionListProps) {
  const t = useTranslations("workbench.suggestions");
  const l = useTranslations("labels");
  const locale = useLocale() as Locale;
  return (
    <section data-testid="suggestions">
      <h3>{t("heading", { count: suggestions.length })}</h3>
      <ul className="suggestion-list">
        {suggestions.slice(0, shown).map((s) => (
          <li key={s.id} data-suggestion-id={s.id}>
            <span lang="kk">{s.text}</span> <span className="muted">{l(`category.${s.category}`)} {formatFigure(s, locale)}</span>
            {canTag && (
              <span className="suggestion-actions">
                {/* A list of identical "Accept" buttons tells a screen reader nothing: each names its words. */}
                <button type="button" className="secondary small" aria-label={t("acceptLabel", { quote: s.text })} onClick={() => onAccept(s)}>{t("accept")}</button>
                <button type="button" className="secondary small" disabled={busy} aria-label={t("dismissLabel", { quote: s.text })} onClick={() => onDismiss(s)}>{t("dismiss")}</button>
                <button type="button" className="secondary small" disabled={busy} aria-label={t("acceptParagraphLabel", { quote: s.text })} title={t("acceptParagraphTitle")} onClick={() => onAcceptParagraph(s)}>{t("acceptParagraph")}</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {suggestions.length > shown && (
        <button type="button" className="secondary small" onClick={onShowAll}>
          {t("showAll", { count: suggestions.length })}
        </button>
      )}
    </section>
  );
}
