import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { listMentions, MENTIONS_SHOWN } from "@/lib/review/list-mentions";
import { requirePageActor } from "../../_lib/session";
import { MarkMentionsSeen, NewMark } from "./mark-seen";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("mentions.title") };
}

/** The comments that name the signed-in person, newest first, each with a link to its claim. */
export default async function MentionsPage() {
  const actor = await requirePageActor("/mentions");
  const mentions = await listMentions({ actor });
  const t = await getTranslations("review");
  const locale = (await getLocale()) as Locale;
  return (
    <>
      <h1>{t("mentions.title")}</h1>
      <p className="muted">{t("mentions.intro")}</p>
      {mentions.length === 0 ? (
        <p data-testid="mentions-none">{t("mentions.none")}</p>
      ) : (
        <MarkMentionsSeen unreadIds={mentions.filter((m) => m.unread).map((m) => m.id)}>
          <ol className="comment-list" data-testid="mentions">
            {mentions.map((m) => (
              <li key={m.id} className="card" data-testid="mention">
                <p className="comment-meta">
                  <strong>{m.author.name}</strong> <time dateTime={m.createdAt.toISOString()} className="muted">{formatMoment(m.createdAt, locale)}</time>{" "}
                  <NewMark commentId={m.id} label={t("mentions.unread")} />
                </p>
                <p className="comment-body">{m.body}</p>
                <dl className="facts">
                  <dt>{t("mentions.claim")}</dt>
                  <dd lang="kk">{m.claim.quote}</dd>
                  <dt>{t("mentions.article")}</dt>
                  <dd>{m.claim.article.title}</dd>
                </dl>
                {m.claim.deletedAt ? (
                  <p className="muted">{t("mentions.deleted")}</p>
                ) : (
                  <p>
                    <Link href={`/articles/${m.claim.article.id}?claim=${m.claim.id}`} data-testid="mention-claim">{t("mentions.openClaim")}</Link>
                  </p>
                )}
              </li>
            ))}
          </ol>
          {mentions.length === MENTIONS_SHOWN && <p className="muted">{t("mentions.shown", { count: MENTIONS_SHOWN })}</p>}
        </MarkMentionsSeen>
      )}
    </>
  );
}
