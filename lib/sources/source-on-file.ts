import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { storedSource, type SourceOnFile } from "./find-or-create-source";
import { normaliseUrl } from "./normalise-url";

/** The stored source a new source's address would reuse, so the form can say so before saving. */
export async function sourceOnFile(options: { actor: Actor; url: string }): Promise<SourceOnFile | null> {
  authorize(options.actor, "article.read");
  const urlKey = normaliseUrl(options.url);
  return urlKey ? storedSource(db, urlKey) : null;
}
