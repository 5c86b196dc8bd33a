"use server";

import { revalidatePath } from "next/cache";
import { updateArticleDetailsSchema, type UpdateArticleDetailsInput } from "@/lib/import/import-schemas";
import { updateArticleDetails } from "@/lib/import/update-article-details";
import { runAction } from "../../../_lib/action-result";

export async function updateArticleDetailsAction(input: unknown) {
  const result = await runAction(updateArticleDetailsSchema, input, async (actor) => {
    // The operation validates the fields as entered; `input` has just passed the same schema.
    const article = await updateArticleDetails({ actor, input: input as UpdateArticleDetailsInput });
    return { updatedAt: article.updatedAt.toISOString() };
  });
  if (result.ok) {
    revalidatePath("/articles");
    revalidatePath(`/articles/${(input as UpdateArticleDetailsInput).articleId}`);
  }
  return result;
}
