import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/policy";
import { countAwaitingReview } from "@/lib/review/count-awaiting-review";
import { SignOutButton } from "../_components/sign-out-button";
import { requirePageActor } from "../_lib/session";

const ROLE_LABEL = { EDITOR: "Editor", REVIEWER: "Reviewer", ADMIN: "Admin" } as const;

export default async function WorkbenchLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor("/articles");
  const awaitingReview = can(actor, "review.queue") ? await countAwaitingReview({ actor }) : null;
  return (
    <>
      <header className="topbar">
        <Link href="/articles" className="brand">Derek</Link>
        <nav>
          <Link href="/articles">Articles</Link>
          {can(actor, "article.import") && <Link href="/articles/import">Import</Link>}
          {can(actor, "ledger.read") && <Link href="/ledger">Ledger</Link>}
          {awaitingReview !== null && <Link href="/review" data-testid="nav-review">Review ({awaitingReview})</Link>}
          {can(actor, "audit.read") && <Link href="/activity">Activity</Link>}
          {can(actor, "user.manage") && <Link href="/admin/users">Users</Link>}
        </nav>
        <span className="who">
          {actor.name} · {ROLE_LABEL[actor.role]}
        </span>
        <SignOutButton />
      </header>
      <main className="page">{children}</main>
    </>
  );
}
