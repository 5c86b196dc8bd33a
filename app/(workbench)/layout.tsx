import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/policy";
import { countHeaderFigures } from "@/lib/review/count-header-figures";
import { LanguageSwitch } from "../_components/language-switch";
import { SignOutButton } from "../_components/sign-out-button";
import { TopbarMenu } from "../_components/topbar-menu";
import { requirePageActor } from "../_lib/session";

export default async function WorkbenchLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor("/articles");
  const t = await getTranslations("nav");
  const { awaitingReview, returnedToMe, unreadMentions } = await countHeaderFigures({ actor });
  return (
    <>
      <header className="topbar">
        <Link href="/articles" className="brand">Derek</Link>
        <TopbarMenu label={t("menu")}>
          <nav aria-label={t("label")}>
            <Link href="/articles">{t("articles")}</Link>
            {can(actor, "article.import") && <Link href="/articles/import">{t("import")}</Link>}
            {can(actor, "ledger.read") && <Link href="/ledger">{t("ledger")}</Link>}
            {/* Not prefetched from every page's header: the claims page is queried per view, and where the
                route is missing the prefetches kept the page's network from ever going idle. */}
            {can(actor, "claim.create") && <Link href="/claims" prefetch={false} data-testid="nav-my-claims">{t("myClaims")}</Link>}
            {/* Only while something waits for the author: a standing "(0)" would teach them to ignore it. */}
            {returnedToMe > 0 && <Link href="/claims?status=RETURNED,DISPUTED" prefetch={false} data-testid="nav-returned">{t("returned", { count: returnedToMe })}</Link>}
            {awaitingReview !== null && <Link href="/review" data-testid="nav-review">{t("review", { count: awaitingReview })}</Link>}
            <Link href="/mentions" data-testid="nav-mentions">{t("mentions", { count: unreadMentions })}</Link>
            {can(actor, "audit.read") && <Link href="/activity">{t("activity")}</Link>}
            {can(actor, "user.manage") && <Link href="/admin/users">{t("users")}</Link>}
            {can(actor, "token.manage") && <Link href="/admin/tokens">{t("tokens")}</Link>}
            {(can(actor, "backup.create") || can(actor, "backup.restore")) && <Link href="/admin/restore">{t("restore")}</Link>}
          </nav>
          <div className="topbar-account">
            {/* One's own account (and password), for every signed-in user. */}
            <Link href="/account" className="who" title={t("account")} data-testid="nav-account">{t("who", { name: actor.name, role: actor.role })}</Link>
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </TopbarMenu>
      </header>
      {/* The skip link's target (app/layout.tsx); focusable so the next Tab starts inside it. */}
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
    </>
  );
}
