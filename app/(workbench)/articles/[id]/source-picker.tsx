"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { TranslatedMessage } from "@/app/_components/translated-message";
import type { ShownMessage } from "@/lib/i18n/coded-message";
import type { FoundSource } from "@/lib/sources/search-sources";
import { sourceSearchSchema } from "@/lib/sources/source-search-schema";
import { searchSourcesAction } from "./source-actions";

/** What the form shows of a chosen source. */
export interface PickedSource {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
}

interface SourcePickerProps {
  id: string;
  /** The chosen source, or null while none is. */
  value: PickedSource | null;
  onChange: (source: PickedSource | null) => void;
  onBlur?: () => void;
  invalid: boolean;
  /** The id of the field's error message, when the form shows one. */
  describedBy?: string;
}

// Quick enough to feel immediate, long enough that a word typed at speed asks once.
const DEBOUNCE_MS = 200;

const labelOf = (source: PickedSource) => source.title ?? source.url;

/**
 * Finds a source on file as the editor types: a WAI-ARIA combobox (the text field) with a listbox
 * of matches, most cited first, paged by the server ("More results" is the list's last option, so
 * the keyboard reaches it as it reaches the sources). Arrow keys move through the list, Enter
 * picks, Escape closes it (and only it: the claim form stays open). Answers that arrive after a
 * newer question are dropped, so the list always matches what the field says.
 */
export function SourcePicker({ id, value, onChange, onBlur, invalid, describedBy }: SourcePickerProps) {
  const t = useTranslations("workbench.sourcePicker");
  const [text, setText] = useState(value ? labelOf(value) : "");
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<FoundSource[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const [searched, setSearched] = useState(false);
  const [error, setError] = useState<ShownMessage | null>(null);
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listId = `${id}-list`;
  const errorId = `${id}-search-error`;
  const moreIndex = next ? found.length : -1;
  const optionCount = found.length + (next ? 1 : 0);
  const optionId = (index: number) => (index === moreIndex ? `${id}-more` : `${id}-option-${index}`);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  async function ask(query: string, after: string | null) {
    const checked = sourceSearchSchema.safeParse({ query, after });
    const question = ++asked.current;
    if (!checked.success) {
      setError(checked.error.issues[0].message);
      setLoading(false);
      return;
    }
    setError(null);
    setLoading(true);
    const result = await searchSourcesAction({ query, after });
    if (question !== asked.current) return;
    setLoading(false);
    setSearched(true);
    if (!result.ok) return setError(result.fieldErrors?.query ?? result.error);
    setFound((before) => (after ? [...before, ...result.data.sources] : result.data.sources));
    setNext(result.data.next);
    if (!after) setActive(-1);
  }

  function askSoon(query: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void ask(query, null), DEBOUNCE_MS);
  }

  function openList() {
    if (open) return;
    setOpen(true);
    if (!searched) void ask(text, null);
  }

  function pick(source: FoundSource) {
    onChange({ id: source.id, url: source.url, title: source.title, publisher: source.publisher });
    setText(source.title ?? source.url);
    setOpen(false);
    setActive(-1);
  }

  function choose(index: number) {
    if (index === moreIndex && next) {
      void ask(text, next);
      return;
    }
    const source = found[index];
    if (source) pick(source);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return openList();
      if (optionCount === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current === -1 && step === -1 ? optionCount - 1 : (current + step + optionCount) % optionCount));
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      // The workbench closes the form on Escape; here Escape is the list's. React listens on the
      // document, where the workbench's shortcuts listen too (added after it): only an immediate
      // stop keeps them from seeing the key.
      event.preventDefault();
      event.nativeEvent.stopImmediatePropagation();
      setOpen(false);
      setActive(-1);
    }
  }

  const activeId = open && active >= 0 ? optionId(active) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  // An empty listbox is no list to show; "none found" is said beside the field instead.
  const shown = open && optionCount > 0;
  const describedByIds = [describedBy, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <div
      className="source-picker"
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget)) return;
        setOpen(false);
        onBlur?.();
      }}
    >
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={invalid || error !== null}
        aria-describedby={describedByIds}
        placeholder={t("placeholder")}
        value={text}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          setOpen(true);
          if (value) onChange(null);
          askSoon(typed);
        }}
        onFocus={openList}
        onClick={openList}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span id={errorId} className="field-error">
          <TranslatedMessage message={error} />
        </span>
      )}
      <ul id={listId} role="listbox" aria-label={t("listLabel")} className="source-options" hidden={!shown}>
        {found.map((source, index) => (
          <li
            key={source.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? "source-option active" : "source-option"}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
          >
            <span className="source-option-title">{source.title ?? source.url}</span>
            <span className="source-option-meta">
              {[source.publisher, source.title ? source.url : null].filter(Boolean).join(" · ")}
            </span>
            <span className="source-option-uses">{t("uses", { count: source.citationCount })}</span>
          </li>
        ))}
        {next && (
          <li
            id={optionId(moreIndex)}
            role="option"
            aria-selected={active === moreIndex}
            className={active === moreIndex ? "source-option more active" : "source-option more"}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(moreIndex)}
          >
            {t("more")}
          </li>
        )}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {open && (loading ? t("searching") : searched ? t("found", { count: found.length }) : "")}
      </p>
      {open && !loading && searched && found.length === 0 && !error && <p className="muted small-print">{t("none")}</p>}
    </div>
  );
}
