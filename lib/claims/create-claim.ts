import { selectorFor } from "@/lib/anchoring";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db, type Tx } from "@/lib/db/client";
import { parseDateOnly } from "@/lib/core/dates";
import { claimRangeIn } from "./claim-range";
import type { CreateClaimInput } from "./claim-schemas";
import { CLAIM_AUDIT_FIELDS } from "./claim-snapshot";
import { linkSources } from "./link-sources";

/** Tags a span of an article as a claim, with its sources, as a draft of the acting editor. */
export async function createClaim(options: { actor: Actor; input: CreateClaimInput }) {
  authorize(options.actor, "claim.create");
  return db.$transaction((tx) => createClaimInTransaction(tx, options));
}

/** The same, inside a caller's transaction, for operations that tag several claims at once. */
export async function createClaimInTransaction(tx: Tx, options: { actor: Actor; input: CreateClaimInput }) {
  authorize(options.actor, "claim.create");
  const { articleId, revision, start, end, sources, ...fields } = options.input;
  // FOR SHARE holds off a revision of the text until this claim is stored: offsets into the old
  // text must never land in the new one.
  const [article] = await tx.$queryRaw<{ bodyText: string; revision: number }[]>`
    SELECT "bodyText", revision FROM "Article" WHERE id = ${articleId}::uuid FOR SHARE`;
  if (!article) throw new DerekError("libArticles.ref.notFound", { kind: "not-found" });
  if (article.revision !== revision)
    throw new DerekError("libClaims.range.textChanged", { params: { revision: article.revision }, field: "range", kind: "conflict" });
  const range = claimRangeIn(article.bodyText, start, end);
  const selector = selectorFor(article.bodyText, range.start, range.end);
  const claim = await tx.claim.create({
    data: {
      ...fields,
      eventDate: fields.eventDate ? parseDateOnly(fields.eventDate) : null,
      articleId,
      start: range.start,
      end: range.end,
      quote: selector.quote,
      prefix: selector.prefix,
      suffix: selector.suffix,
      authorId: options.actor.id,
    },
    select: CLAIM_AUDIT_FIELDS,
  });
  await linkSources(tx, { actorId: options.actor.id, claimId: claim.id, sources });
  await recordAuditEvent(tx, { actorId: options.actor.id, action: "claim.create", entityType: "Claim", entityId: claim.id, after: { ...claim, sources } });
  return claim;
}
