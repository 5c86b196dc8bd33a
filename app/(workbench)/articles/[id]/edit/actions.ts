"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { reviseArticle } from "@/lib/articles/revise-article";
import { runAction } from "../../../../_lib/action-result";

// The document's shape is checked against the viewer's schema inside reviseArticle. Built per
// request so its message is in the editor's language.
async function reviseArticleSchema() {
  const t = await getTranslations("articleEdit");
  return z.object({
    articleId: z.uuid({ error: t("unknownArticle") }),
    expectedRevision: z.number().int().min(1),
    doc: z.object({ type: z.literal("doc") }).loose(),
  });
}

export async function reviseArticleAction(input: unknown) {
  const result = await runAction(await reviseArticleSchema(), input, (actor, data) => reviseArticle({ actor, ...data }));
  if (result.ok) revalidatePath(`/articles/${(input as { articleId: string }).articleId}`);
  return result;
}
