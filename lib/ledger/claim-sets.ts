import { z } from "zod";
import { authorize, type Actor } from "@/lib/auth/policy";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DerekError } from "@/lib/core/errors";
import type { CodedMessage } from "@/lib/core/message-codes";
import { db } from "@/lib/db/client";
import { ledgerFilterToParams, parseLedgerFilter, type LedgerFilter } from "./ledger-filter";

export const saveClaimSetSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "libLedger.claimSets.nameRequired" })
    .max(100, { error: "libLedger.claimSets.nameTooLong" }),
  // The ledger's URL parameters, as the page has them; parsed again with the ledger's rules.
  params: z.record(z.string(), z.string()),
});

export const claimSetRefSchema = z.object({ claimSetId: z.uuid({ error: "libLedger.claimSets.unknown" }) });

export interface ClaimSetSummary {
  id: string;
  name: string;
  params: Record<string, string>;
  ownerId: string;
  ownerName: string;
  updatedAt: Date;
}

/**
 * A filter that does not read is refused with its first field's own message: the set is saved from,
 * or opened into, the ledger's filter, where that field is.
 */
function filterRefusal(errors: Partial<Record<string, CodedMessage>>, field: string): DerekError {
  const [first] = Object.values(errors) as CodedMessage[];
  return new DerekError(first.code, { params: first.params, field });
}

function paramsOf(stored: unknown): Record<string, string> {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * Saves the ledger's current filter under a name. The same owner saving the same name again
 * replaces the filter: a set is a named view, kept up to date by whoever made it.
 */
export async function saveClaimSet(options: { actor: Actor; input: z.output<typeof saveClaimSetSchema> }): Promise<ClaimSetSummary> {
  const { actor, input } = options;
  authorize(actor, "claimset.save");
  const parsed = parseLedgerFilter(input.params);
  if (!parsed.ok) throw filterRefusal(parsed.errors, "name");
  const params = ledgerFilterToParams(parsed.filter);
  return db.$transaction(async (tx) => {
    const before = await tx.claimSet.findUnique({ where: { ownerId_name: { ownerId: actor.id, name: input.name } } });
    const saved = await tx.claimSet.upsert({
      where: { ownerId_name: { ownerId: actor.id, name: input.name } },
      create: { name: input.name, filter: params, ownerId: actor.id },
      update: { filter: params },
      include: { owner: { select: { name: true } } },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: before ? "claimset.update" : "claimset.create",
      entityType: "ClaimSet",
      entityId: saved.id,
      before: before ? { name: before.name, filter: before.filter } : undefined,
      after: { name: saved.name, filter: params },
    });
    return { id: saved.id, name: saved.name, params, ownerId: saved.ownerId, ownerName: saved.owner.name, updatedAt: saved.updatedAt };
  });
}

/** Every saved set in the newsroom, the actor's own first: sets are shared views. */
export async function listClaimSets(options: { actor: Actor }): Promise<ClaimSetSummary[]> {
  const { actor } = options;
  authorize(actor, "ledger.read");
  const sets = await db.claimSet.findMany({ include: { owner: { select: { name: true } } }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 500 });
  return sets
    .map((s) => ({ id: s.id, name: s.name, params: paramsOf(s.filter), ownerId: s.ownerId, ownerName: s.owner.name, updatedAt: s.updatedAt }))
    .sort((a, b) => Number(b.ownerId === actor.id) - Number(a.ownerId === actor.id));
}

/** A saved set and the filter it stands for in the ledger, parsed with today's rules (a set saved under older rules says what is wrong). */
export async function openClaimSet(options: { actor: Actor; claimSetId: string }): Promise<{ set: ClaimSetSummary; filter: LedgerFilter }> {
  authorize(options.actor, "ledger.read");
  const set = await db.claimSet.findUnique({ where: { id: options.claimSetId }, include: { owner: { select: { name: true } } } });
  if (!set) throw new DerekError("libLedger.claimSets.gone", { field: "set", kind: "not-found" });
  const params = paramsOf(set.filter);
  const parsed = parseLedgerFilter(params);
  if (!parsed.ok) throw filterRefusal(parsed.errors, "set");
  return { set: { id: set.id, name: set.name, params, ownerId: set.ownerId, ownerName: set.owner.name, updatedAt: set.updatedAt }, filter: parsed.filter };
}

export async function deleteClaimSet(options: { actor: Actor; claimSetId: string }): Promise<void> {
  const { actor, claimSetId } = options;
  authorize(actor, "claimset.save");
  await db.$transaction(async (tx) => {
    const set = await tx.claimSet.findUnique({ where: { id: claimSetId } });
    if (!set) throw new DerekError("libLedger.claimSets.alreadyDeleted", { kind: "not-found" });
    authorize(actor, "claimset.delete", { ownerId: set.ownerId });
    await tx.claimSet.delete({ where: { id: set.id } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "claimset.delete",
      entityType: "ClaimSet",
      entityId: set.id,
      before: { name: set.name, filter: set.filter, ownerId: set.ownerId },
    });
  });
}
