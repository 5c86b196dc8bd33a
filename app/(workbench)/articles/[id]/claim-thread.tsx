"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import { formatMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { ThreadEntry } from "@/lib/review/get-claim-thread";
import { addCommentSchema } from "@/lib/review/review-schemas";
import { MentionTextarea } from "../../mentions/mention-textarea";
import { useMentionTypeahead } from "../../mentions/mention-typeahead";
import { claimThreadAction, replyToClaimAction } from "./thread-actions";

interface Thread {
  claimId: string;
  entries: ThreadEntry[];
  canReply: boolean;
}

/**
 * The open claim's conversation: the reviewers' decisions with their reasons and the comments,
 * oldest first, and a reply form. Read when the claim is opened and again when its version
 * changes (a decision changes it); an answer brings the thread back as it then is.
 */
export function ClaimThread({ claim }: { claim: ArticleClaim }) {
  const t = useTranslations("workbench");
  const [thread, setThread] = useState<Thread | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const shown = thread?.claimId === claim.id ? thread : null;

  useEffect(() => {
    let cancelled = false;
    setFailure(null);
    void sendAction(claimThreadAction, { claimId: claim.id }).then((result) => {
      if (cancelled) return;
      if (result.ok) setThread(result.data);
      // A server action's refusal comes worded in the reader's language.
      else setFailure(isNotDelivered(result) ? "notDelivered" : result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [claim.id, claim.version, attempt]);

  return (
    <section className="claim-thread" aria-labelledby="claim-thread-heading" data-testid="claim-thread">
      <h3 id="claim-thread-heading">{t("thread.heading")}</h3>
      {failure === "notDelivered" ? (
        <NotDeliveredMessage onRetry={() => setAttempt((n) => n + 1)} />
      ) : failure ? (
        <p className="form-error" role="alert">{failure}</p>
      ) : !shown ? (
        <p className="muted">{t("panel.loading")}</p>
      ) : (
        <>
          <ThreadEntries entries={shown.entries} />
          {shown.canReply && <ReplyForm key={claim.id} claimId={claim.id} onAnswered={setThread} />}
        </>
      )}
    </section>
  );
}

function ThreadEntries({ entries }: { entries: ThreadEntry[] }) {
  const t = useTranslations("workbench");
  const l = useTranslations("labels");
  const locale = useLocale() as Locale;
  if (entries.length === 0) return <p className="muted">{t("thread.empty")}</p>;
  return (
    <ol className="comment-list" data-testid="thread-entries">
      {entries.map((entry) => (
        <li key={entry.id} data-kind={entry.kind}>
          <p className="comment-meta">
            <strong>{entry.person}</strong> <time dateTime={new Date(entry.at).toISOString()} className="muted">{formatMoment(new Date(entry.at), locale)}</time>
            {entry.kind === "review" && (
              <>
                {" "}
                <span className="status">{t("thread.decision", { decision: entry.decision })}</span>
                {entry.rating && <span className="verdict">{l(`verdict.${entry.rating}`)}</span>}
              </>
            )}
          </p>
          {entry.text && <p className="comment-body">{entry.text}</p>}
        </li>
      ))}
    </ol>
  );
}

type ReplyInput = z.input<typeof addCommentSchema>;
const schemaResolver = zodResolver(addCommentSchema, undefined, { raw: true });

function ReplyForm({ claimId, onAnswered }: { claimId: string; onAnswered: (thread: Thread) => void }) {
  const t = useTranslations("workbench");
  const [failure, setFailure] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const { register, handleSubmit, setError, reset, setValue, formState } = useForm<ReplyInput>({
    resolver: ((values, context, options) => schemaResolver({ ...values, claimId }, context, options)) as Resolver<ReplyInput>,
    defaultValues: { claimId, body: "" },
  });
  const mentions = useMentionTypeahead();

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    setNotDelivered(false);
    const result = await sendAction(replyToClaimAction, values);
    if (result.ok) {
      reset({ claimId, body: "" });
      mentions.close();
      return onAnswered(result.data);
    }
    if (isNotDelivered(result)) return setNotDelivered(true);
    const body = result.fieldErrors?.body;
    if (body) setError("body", { message: body });
    else setFailure(result.error);
  });

  const error = formState.errors.body?.message;
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="thread-reply" aria-label={t("thread.reply")}>
      {notDelivered && <NotDeliveredMessage onRetry={() => void submit()} busy={formState.isSubmitting} />}
      {failure && <p className="form-error" role="alert">{failure}</p>}
      <MentionTextarea
        id="thread-reply-body"
        label={t("thread.reply")}
        error={error}
        field={register("body")}
        mentions={mentions}
        onText={(text) => setValue("body", text, { shouldDirty: true })}
      />
      <div>
        <button type="submit" className="secondary" disabled={formState.isSubmitting}>{t("thread.send")}</button>
      </div>
    </form>
  );
}
