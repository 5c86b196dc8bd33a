"use client";

import { useEffect, useRef } from "react";

export interface Shortcut {
  keys: string;
  description: string;
  /** Whether the key event is this shortcut. */
  matches: (event: KeyboardEvent) => boolean;
  run: (event: KeyboardEvent) => void;
  /** Also while typing in a form field (only for chords such as Ctrl+Enter). */
  inFields?: boolean;
}

function inFormField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("input, textarea, select") !== null;
}

/** Binds the annotator's shortcuts to the page; the latest list is used on every key press. */
export function useShortcuts(shortcuts: Shortcut[]) {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const typing = inFormField(event.target);
      const shortcut = current.current.find((s) => s.matches(event) && (!typing || s.inFields));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run(event);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

export const plainKey = (key: string) => (event: KeyboardEvent) => event.key === key && !event.ctrlKey && !event.metaKey && !event.altKey;
