"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { Actor } from "@/lib/auth/policy";
import { deleteClaim, restoreClaim, submitClaim } from "@/lib/claims/change-claim-state";
import { claimRefSchema, createClaimSchema, updateClaimSchema } from "@/lib/claims/claim-schemas";
import { createClaim } from "@/lib/claims/create-claim";
import { getClaimDetails } from "@/lib/claims/get-claim-details";
import { listArticleClaimChanges } from "@/lib/claims/article-claim-changes";
import { updateClaim } from "@/lib/claims/update-claim";
import { acceptSuggestions } from "@/lib/claims/accept-suggestions";
import { reattachClaim } from "@/lib/claims/reattach-claim";
import { dismissSuggestion } from "@/lib/suggestions/dismiss-suggestion";
import { listSuggestions } from "@/lib/suggestions/list-suggestions";
import { undismissSuggestion } from "@/lib/suggestions/undismiss-suggestion";
import { runAction } from "../../../_lib/action-result";
import type { ClaimChanges } from "./claim-changes";

// Each action answers with the claims it changed, read back as they now are (with what the
// policy lets this reader do with them), the ids of those that left the article, and the claims
// colleagues changed on it since the reader's last answer (its `since`). Answering with the whole
// list made every action on a long article as slow as the article was long.
const sinceSchema = z.object({ since: z.iso.datetime() });

/** The sync point the workbench sent beside the action's fields; without a valid one, none. */
function sinceOf(input: unknown): Date | null {
  const parsed = sinceSchema.safeParse(input);
  return parsed.success ? new Date(parsed.data.since) : null;
}

function withChanges(actor: Actor, articleId: string, claimIds: string[], input: unknown): Promise<ClaimChanges> {
  return listArticleClaimChanges({ actor, articleId, claimIds, since: sinceOf(input) });
}

export async function createClaimAction(input: unknown) {
  return runAction(createClaimSchema, input, async (actor, data) => {
    const claim = await createClaim({ actor, input: data });
    return { claimId: claim.id, ...(await withChanges(actor, claim.articleId, [claim.id], input)) };
  });
}

export async function updateClaimAction(input: unknown) {
  return runAction(updateClaimSchema, input, async (actor, data) => {
    const claim = await updateClaim({ actor, input: data });
    return withChanges(actor, claim.articleId, [claim.id], input);
  });
}

export async function deleteClaimAction(input: unknown) {
  return runAction(claimRefSchema, input, async (actor, ref) => {
    const claim = await deleteClaim({ actor, ref });
    return { ...(await withChanges(actor, claim.articleId, [claim.id], input)), version: claim.version };
  });
}

export async function restoreClaimAction(input: unknown) {
  return runAction(claimRefSchema, input, async (actor, ref) => {
    const claim = await restoreClaim({ actor, ref });
    return withChanges(actor, claim.articleId, [claim.id], input);
  });
}

export async function submitClaimAction(input: unknown) {
  return runAction(claimRefSchema, input, async (actor, ref) => {
    const claim = await submitClaim({ actor, ref });
    return withChanges(actor, claim.articleId, [claim.id], input);
  });
}

const reattachSchema = claimRefSchema.extend({
  expectedRevision: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});

export async function reattachClaimAction(input: unknown) {
  return runAction(reattachSchema, input, async (actor, data) => {
    const claim = await reattachClaim({ actor, ...data });
    return withChanges(actor, claim.articleId, [claim.id], input);
  });
}

export async function claimDetailsAction(input: unknown) {
  return runAction(claimRefSchema.pick({ claimId: true }), input, (actor, { claimId }) => getClaimDetails({ actor, claimId }));
}

// Built per request so their messages are in the editor's language: a tampered request would
// otherwise be answered with zod's English "Invalid UUID".
async function suggestionIds() {
  const t = await getTranslations("workbench.action");
  return { articleId: z.uuid({ error: t("unknownArticle") }), suggestionId: z.uuid({ error: t("unknownSuggestion") }) };
}

async function suggestionRefSchema() {
  return z.object(await suggestionIds());
}

async function withSuggestions(actor: Actor, articleId: string) {
  return { suggestions: await listSuggestions({ actor, articleId }) };
}

export async function dismissSuggestionAction(input: unknown) {
  return runAction(await suggestionRefSchema(), input, async (actor, { articleId, suggestionId }) => {
    await dismissSuggestion({ actor, suggestionId });
    return withSuggestions(actor, articleId);
  });
}

export async function undismissSuggestionAction(input: unknown) {
  return runAction(await suggestionRefSchema(), input, async (actor, { articleId, suggestionId }) => {
    await undismissSuggestion({ actor, suggestionId });
    return withSuggestions(actor, articleId);
  });
}

export async function acceptSuggestionsAction(input: unknown) {
  const { articleId, suggestionId } = await suggestionIds();
  const schema = z.object({ articleId, suggestionIds: z.array(suggestionId).min(1).max(200) });
  return runAction(schema, input, async (actor, { articleId, suggestionIds }) => {
    const created = await acceptSuggestions({ actor, articleId, suggestionIds });
    const claimIds = created.map((c) => c.id);
    return { claimIds, ...(await withChanges(actor, articleId, claimIds, input)), ...(await withSuggestions(actor, articleId)) };
  });
}
