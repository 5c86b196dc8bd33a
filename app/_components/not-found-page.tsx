import Link from "next/link";
import { getTranslations } from "next-intl/server";

const BACK: Record<"page" | "group", string> = { page: "/articles", group: "/ledger/groups" };

/** Derek's own "not found", in the reader's language, with the way back. */
export async function NotFoundPage({ kind = "page" }: { kind?: "page" | "group" }) {
  const t = await getTranslations("errorPages");
  return (
    <section className="card error-page" data-testid="not-found">
      <title>{t(`${kind}.title`)}</title>
      <h1>{t(`${kind}.title`)}</h1>
      <p>{t(`${kind}.text`)}</p>
      <p>
        <Link href={BACK[kind]}>{t(`${kind}.back`)}</Link>
      </p>
    </section>
  );
}
