"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { plainKey, useShortcuts } from "@/app/_components/use-shortcuts";

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
  const t = useTranslations("ledger.shortcuts");
  const kbd = (chunks: ReactNode) => <kbd>{chunks}</kbd>;
  useShortcuts([
    {
      keys: "/",
      description: t("search"),
      matches: plainKey("/"),
      run: () => document.querySelector<HTMLInputElement>('[data-shortcut="search"]')?.focus(),
    },
    { keys: "j", description: t("nextClaim"), matches: plainKey("j"), run: () => moveFocus(1) },
    { keys: "k", description: t("previousClaim"), matches: plainKey("k"), run: () => moveFocus(-1) },
    { keys: "n", description: t("nextPage"), matches: plainKey("n"), run: () => nextHref && router.push(nextHref) },
    { keys: "p", description: t("firstPage"), matches: plainKey("p"), run: () => firstHref && router.push(firstHref) },
  ]);
  return (
    <p className="muted small-print ledger-keys">
      {t.rich("keys", { kbd })}
      {firstHref && (
        <>
          {" "}
          {t.rich("keysFirstPage", { kbd })}
        </>
      )}
    </p>
  );
}
