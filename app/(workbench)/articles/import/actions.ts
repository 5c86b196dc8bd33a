"use server";

import { revalidatePath } from "next/cache";
import { importArticle } from "@/lib/import/import-article";
import { pasteImportSchema, type PasteImportInput } from "@/lib/import/import-schemas";
import { runAction } from "../../../_lib/action-result";

export async function importPastedArticleAction(input: unknown) {
  const result = await runAction(pasteImportSchema, input, (actor, data) =>
    // importArticle validates the details itself (it is called from the route handler too) and
    // takes them as entered; `input` has just passed the same schema, so it has that shape.
    importArticle({ actor, source: { kind: "paste", text: data.text }, details: input as PasteImportInput }),
  );
  if (result.ok) revalidatePath("/articles");
  return result;
}
