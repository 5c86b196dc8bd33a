"use client";

import { useRouter } from "next/navigation";
import { plainKey, useShortcuts } from "../articles/[id]/use-shortcuts";

function rowLinks(): HTMLAnchorElement[] {
  return Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-testid="ledger-table"] a.ledger-quote'));
}

function moveFocus(step: 1 | -1) {
  const links = rowLinks();
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = at === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
  links[next].focus();
  links[next].scrollIntoView({ block: "nearest" });
}

/** "/" searches, j/k move between claims (Enter opens one), n and p turn pages. */
export function LedgerShortcuts({ nextHref, firstHref }: { nextHref: string | null; firstHref: string | null }) {
  const router = useRouter();
  useShortcuts([
    {
      keys: "/",
      description: "Search the ledger",
      matches: plainKey("/"),
      run: () => document.querySelector<HTMLInputElement>('[data-shortcut="search"]')?.focus(),
    },
    { keys: "j", description: "Next claim", matches: plainKey("j"), run: () => moveFocus(1) },
    { keys: "k", description: "Previous claim", matches: plainKey("k"), run: () => moveFocus(-1) },
    { keys: "n", description: "Next page", matches: plainKey("n"), run: () => nextHref && router.push(nextHref) },
    { keys: "p", description: "First page", matches: plainKey("p"), run: () => firstHref && router.push(firstHref) },
  ]);
  return (
    <p className="muted small-print ledger-keys">
      Keys: <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> next/previous claim, <kbd>Enter</kbd> opens it · <kbd>n</kbd> next page
      {firstHref && (
        <>
          {" "}· <kbd>p</kbd> first page
        </>
      )}
    </p>
  );
}
