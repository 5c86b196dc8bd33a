import Link from "next/link";
import { useTranslations } from "next-intl";

const TABS = [
  { href: "/ledger", key: "claims" },
  { href: "/ledger/groups", key: "groups" },
  { href: "/ledger/conflicts", key: "conflicts" },
] as const;

/** The ledger's views; `current` is the one shown. */
export function LedgerTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  const t = useTranslations("ledger.tabs");
  return (
    <nav className="ledger-tabs" aria-label={t("label")}>
      {TABS.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={tab.href === current ? "page" : undefined}>
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
