"use client";

import { useEffect, useRef } from "react";
import { questionMarkKey } from "./shortcut-keys";

export interface ShortcutsDialogProps {
  title: string;
  /** Says that keys are named as printed on a US keyboard and work in any layout. */
  note: string;
  closeLabel: string;
  shortcuts: { keys: string; description: string }[];
  onClose: () => void;
}

/**
 * A page's shortcuts in a modal dialog: the rest of the page is inert while it is open, Escape or
 * "?" close it, and focus goes back to where it was.
 */
export function ShortcutsDialog({ title, note, closeLabel, shortcuts, onClose }: ShortcutsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement;
    element.showModal();
    close.current?.focus();
    return () => {
      if (element.open) element.close();
      // The dialog leaves the page rather than closing itself, so the browser would not restore focus.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="card shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (!questionMarkKey(event.nativeEvent)) return;
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => event.target === dialog.current && onClose()}
    >
      <h2 id="shortcuts-title">{title}</h2>
      <p className="muted small-print">{note}</p>
      <table className="list">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys}>
              <td><kbd>{s.keys}</kbd></td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" ref={close} onClick={onClose}>{closeLabel}</button>
    </dialog>
  );
}
