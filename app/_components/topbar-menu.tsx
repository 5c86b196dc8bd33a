"use client";

import { usePathname } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";

/**
 * The header's links and account controls. On a narrow screen (globals.css) they fold behind a
 * disclosure button; wide screens show them and hide the button. The menu remembers the page it
 * was opened on, so following one of its links closes it.
 */
export function TopbarMenu({ label, children }: { label: string; children: ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="menu-button" aria-expanded={open} aria-controls="topbar-menu" onClick={() => setOpenOn(open ? null : pathname)}>
        {label}
      </button>
      <div
        id="topbar-menu"
        className="topbar-menu"
        data-open={open}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !open) return;
          setOpenOn(null);
          button.current?.focus();
        }}
      >
        {children}
      </div>
    </>
  );
}
