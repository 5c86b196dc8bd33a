"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { addCommentSchema } from "@/lib/review/review-schemas";
import { sendAction } from "@/app/_lib/send-action";
import { ActionError, shownError, type ShownError } from "@/app/_components/action-error";
import { MentionTextarea } from "../../mentions/mention-textarea";
import { useMentionTypeahead } from "../../mentions/mention-typeahead";
import { addCommentAction } from "./actions";

type CommentInput = z.input<typeof addCommentSchema>;
const schemaResolver = zodResolver(addCommentSchema, undefined, { raw: true });

export function CommentForm({ claimId }: { claimId: string }) {
  const router = useRouter();
  const t = useTranslations("review");
  const [failure, setFailure] = useState<ShownError | null>(null);
  const { register, handleSubmit, setError, reset, setValue, formState } = useForm<CommentInput>({
    resolver: ((values, context, options) => schemaResolver({ ...values, claimId }, context, options)) as Resolver<CommentInput>,
    defaultValues: { claimId, body: "" },
  });
  const mentions = useMentionTypeahead();
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await sendAction(addCommentAction, values);
    if (result.ok) {
      reset({ claimId, body: "" });
      return router.refresh();
    }
    const body = result.fieldErrors?.body;
    if (body) setError("body", { message: body });
    setFailure(shownError(result, !!body));
  });
  const error = formState.errors.body?.message;
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="comment-form" aria-label={t("comment.label")}>
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={() => void submit()} />}
      <MentionTextarea
        id="comment-body"
        label={t("comment.body")}
        error={error}
        field={register("body")}
        mentions={mentions}
        onText={(text) => setValue("body", text, { shouldDirty: true })}
      />
      <div>
        <button type="submit" className="secondary" disabled={formState.isSubmitting}>{t("comment.submit")}</button>
      </div>
    </form>
  );
}
