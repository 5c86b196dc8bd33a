"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { mentionablePeopleAction } from "./actions";
import { sendAction } from "@/app/_lib/send-action";
import { matchingPeople, mentionBeingTyped, type Mentionable } from "@/lib/review/comment-mentions";

export interface MentionTypeahead {
  /** Colleagues whose name fits the "@…" before the caret; empty when none is being typed. */
  offered: Mentionable[];
  /** Reads the textarea again after a keystroke, click or caret move. */
  follow: (element: HTMLTextAreaElement) => void;
  /** Replaces the "@…" being typed with the person's full name (through `write`) and puts the caret after it. */
  choose: (element: HTMLTextAreaElement, person: Mentionable, write: (text: string) => void) => void;
  close: () => void;
}

/**
 * The type-ahead of a comment's textarea: after "@", the colleagues whose name starts with what
 * follows. Choosing one writes "@Full Name ", the form findMentions (lib/review/comment-mentions.ts)
 * reads. The list of colleagues is read the first time an "@" is typed.
 */
export function useMentionTypeahead(): MentionTypeahead {
  const [people, setPeople] = useState<Mentionable[] | null>(null);
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const loading = useRef(false);
  const follow = (element: HTMLTextAreaElement) => {
    const found = mentionBeingTyped(element.value, element.selectionStart ?? element.value.length);
    setTyping(found);
    if (found && people === null && !loading.current) {
      loading.current = true;
      void sendAction(mentionablePeopleAction, {}).then((result) => {
        loading.current = false;
        if (result.ok) setPeople(result.data);
      });
    }
  };
  const choose = (element: HTMLTextAreaElement, person: Mentionable, write: (text: string) => void) => {
    if (!typing) return;
    const inserted = `@${person.name} `;
    const caret = element.selectionStart ?? element.value.length;
    setTyping(null);
    write(element.value.slice(0, typing.start) + inserted + element.value.slice(caret));
    element.focus();
    const after = typing.start + inserted.length;
    requestAnimationFrame(() => element.setSelectionRange(after, after));
  };
  const offered = typing && people ? matchingPeople(people, typing.query) : [];
  return { offered, follow, choose, close: () => setTyping(null) };
}

/** The textarea's handlers that keep the type-ahead following the caret. */
export function followingHandlers(typeahead: MentionTypeahead) {
  return {
    onClick: (event: MouseEvent<HTMLTextAreaElement>) => typeahead.follow(event.currentTarget),
    onKeyUp: (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key === "Escape") typeahead.close();
      else if (event.key.startsWith("Arrow") || event.key === "Home" || event.key === "End") typeahead.follow(event.currentTarget);
    },
  };
}

/** The hint under a comment's textarea (its id goes in the textarea's aria-describedby). */
export function MentionHint({ id }: { id: string }) {
  const t = useTranslations("forms");
  return <p id={id} className="muted small-print">{t("mentions.hint")}</p>;
}

/** The colleagues offered, as buttons: reachable with Tab, announced with their names. */
export function MentionChoices({ typeahead, onChoose }: { typeahead: MentionTypeahead; onChoose: (person: Mentionable) => void }) {
  const t = useTranslations("forms");
  if (typeahead.offered.length === 0) return null;
  return (
    <ul className="mention-choices" aria-label={t("mentions.people")} data-testid="mention-choices">
      {typeahead.offered.map((person) => (
        <li key={person.id}>
          <button type="button" className="secondary small" aria-label={t("mentions.mention", { name: person.name })} onClick={() => onChoose(person)}>
            @{person.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
