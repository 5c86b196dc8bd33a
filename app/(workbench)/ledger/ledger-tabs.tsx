import Link from "next/link";

const TABS = [
  { href: "/ledger", label: "Claims" },
  { href: "/ledger/groups", label: "Same claim in several articles" },
  { href: "/ledger/conflicts", label: "Conflicting figures" },
] as const;

/** The ledger's views; `current` is the one shown. */
export function LedgerTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav className="ledger-tabs" aria-label="Ledger views">
      {TABS.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={tab.href === current ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
