import type { JSONContent } from "@tiptap/core";
import type { ClaimCandidate } from "@/lib/extract";
import { docToPlainText } from "@/lib/document/doc-text";
import { suggestionsWithinCap } from "@/lib/suggestions/suggestions-within-cap";
import { sourceToDocument, type ImportSource } from "../source-to-document";

/** The work done in a conversion worker; see convert-off-thread.ts for the request side. */
export type ConversionTask = { type: "import"; source: ImportSource } | { type: "suggest"; text: string; field?: string };

export interface ImportConversion {
  doc: JSONContent;
  /** Suggestions read from the document's plain text, the text the article stores. */
  candidates: ClaimCandidate[];
}

export async function runTask(task: ConversionTask): Promise<ImportConversion | ClaimCandidate[]> {
  switch (task.type) {
    case "import": {
      const doc = await sourceToDocument(task.source);
      const field = task.source.kind === "paste" ? "text" : undefined;
      return { doc, candidates: suggestionsWithinCap(docToPlainText(doc), field) };
    }
    case "suggest":
      return suggestionsWithinCap(task.text, task.field);
  }
}
