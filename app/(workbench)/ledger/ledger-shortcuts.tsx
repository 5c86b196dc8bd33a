"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { letterKey, questionMarkKey, slashKey } from "@/app/_components/shortcut-keys";
import { ShortcutsDialog } from "@/app/_components/shortcuts-dialog";
import { useShortcuts, type Shortcut } from "@/app/_components/use-shortcuts";

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

/** "/" searches, j/k move between claims (Enter opens one), n and p turn pages, "?" lists them all. */
export function LedgerShortcuts({ nextHref, firstHref }: { nextHref: string | null; firstHref: string | null }) {
  const router = useRouter();
  const t = useTranslations("ledger.shortcuts");
  const kbd = (chunks: ReactNode) => <kbd>{chunks}</kbd>;
  const [showAll, setShowAll] = useState(false);
  const shortcuts: Shortcut[] = [
    {
      keys: "/",
      description: t("search"),
      matches: slashKey,
      run: () => document.querySelector<HTMLInputElement>('[data-shortcut="search"]')?.focus(),
    },
    { keys: "j", description: t("nextClaim"), matches: letterKey("j"), run: () => moveFocus(1) },
    { keys: "k", description: t("previousClaim"), matches: letterKey("k"), run: () => moveFocus(-1) },
    { keys: "n", description: t("nextPage"), matches: letterKey("n"), run: () => nextHref && router.push(nextHref) },
    { keys: "p", description: t("firstPage"), matches: letterKey("p"), run: () => firstHref && router.push(firstHref) },
    { keys: "?", description: t("show"), matches: questionMarkKey, run: () => setShowAll(true) },
  ];
  useShortcuts(shortcuts);
  return (
    <>
      <p className="muted small-print ledger-keys">
        {t.rich("keys", { kbd })}
        {firstHref && (
          <>
            {" "}
            {t.rich("keysFirstPage", { kbd })}
          </>
        )}{" "}
        {t.rich("keysAll", { kbd })}
      </p>
      {showAll && <ShortcutsDialog title={t("title")} note={t("usKeyboard")} closeLabel={t("close")} shortcuts={shortcuts} onClose={() => setShowAll(false)} />}
    </>
  );
}
