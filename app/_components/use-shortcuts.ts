"use client";

import { useEffect, useRef } from "react";
import type { KeyPress } from "./shortcut-keys";

export interface Shortcut {
  /** The key as printed on a US keyboard (shortcuts match the physical key: ./shortcut-keys.ts). */
  keys: string;
  description: string;
  /** Whether the key event is this shortcut. */
  matches: (event: KeyPress) => boolean;
  run: (event: KeyboardEvent) => void;
  /** Also while typing in a form field (only for chords such as Ctrl+Enter). */
  inFields?: boolean;
}

/**
 * Typing goes to form fields and to editable text; the article viewer is contenteditable only so
 * that words can be selected with the keyboard, and says so with aria-readonly.
 */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("input, textarea, select")) return true;
  return target instanceof HTMLElement && target.isContentEditable && !target.closest('[aria-readonly="true"]');
}

/** A modal dialog (the shortcuts list) handles its own keys; the page's wait until it is closed. */
function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("dialog[open]") !== null;
}

/** Binds the page's shortcuts; the latest list is used on every key press. */
export function useShortcuts(shortcuts: Shortcut[]) {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (inDialog(event.target)) return;
      const typing = typingIn(event.target);
      const shortcut = current.current.find((s) => s.matches(event) && (!typing || s.inFields));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run(event);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
