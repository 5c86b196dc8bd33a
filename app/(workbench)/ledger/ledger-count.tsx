import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/policy";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { countLedger } from "@/lib/ledger/list-ledger";

/**
 * How many claims match, streamed in after the rows: counting up to the cap can take longer than
 * reading the first page (a common search word at a million claims), and the reader should not wait
 * for the number to see the claims.
 */
export async function LedgerCount({ actor, filter, laterPage }: { actor: Actor; filter: LedgerFilter; laterPage: boolean }) {
  const t = await getTranslations("ledger");
  const count = await countLedger({ actor, filter });
  return (
    <p className="muted" data-testid="ledger-count">
      {count.capped ? t("countCapped", { count: count.count }) : t("count", { count: count.count })}
      {laterPage && ` · ${t("laterPage")}`}
    </p>
  );
}
