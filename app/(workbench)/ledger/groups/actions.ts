"use server";

import { revalidatePath } from "next/cache";
import { addClaimToGroup } from "@/lib/grouping/add-claim-to-group";
import { confirmGroup } from "@/lib/grouping/confirm-group";
import { dissolveGroup } from "@/lib/grouping/dissolve-group";
import {
  addClaimToGroupSchema,
  confirmGroupSchema,
  dissolveGroupSchema,
  mergeGroupsSchema,
  proposeGroupsSchema,
  removeClaimFromGroupSchema,
  splitGroupSchema,
} from "@/lib/grouping/group-schemas";
import { mergeGroups } from "@/lib/grouping/merge-groups";
import { proposeGroups } from "@/lib/grouping/propose-groups";
import { removeClaimFromGroup } from "@/lib/grouping/remove-claim-from-group";
import { splitGroup } from "@/lib/grouping/split-group";
import { runAction } from "../../../_lib/action-result";

// Every change re-renders the lists and the groups it touched from the database; the answer
// says which group survives (null when it is gone) so the page knows where to go.
function refreshed<T extends { groupId: string | null; updatedAt: Date | null }>(result: T, ...groupIds: (string | null | undefined)[]) {
  revalidatePath("/ledger/groups");
  revalidatePath("/ledger/conflicts");
  for (const id of groupIds) if (id) revalidatePath(`/ledger/groups/${id}`);
  return { ...result, updatedAt: result.updatedAt?.toISOString() ?? null };
}

/** "Find same claims": proposes groups over every claim not in a confirmed group. */
export async function proposeGroupsAction(input: unknown) {
  return runAction(proposeGroupsSchema, input, async (actor) => {
    const result = await proposeGroups({ actor });
    revalidatePath("/ledger/groups");
    revalidatePath("/ledger/conflicts");
    return result;
  });
}

export async function confirmGroupAction(input: unknown) {
  return runAction(confirmGroupSchema, input, async (actor, data) => refreshed(await confirmGroup({ actor, input: data }), data.groupId));
}

export async function removeClaimFromGroupAction(input: unknown) {
  return runAction(removeClaimFromGroupSchema, input, async (actor, data) => refreshed(await removeClaimFromGroup({ actor, input: data }), data.groupId));
}

export async function splitGroupAction(input: unknown) {
  return runAction(splitGroupSchema, input, async (actor, data) => {
    const result = await splitGroup({ actor, input: data });
    return refreshed(result, data.groupId, result.newGroupId);
  });
}

export async function mergeGroupsAction(input: unknown) {
  return runAction(mergeGroupsSchema, input, async (actor, data) => refreshed(await mergeGroups({ actor, input: data }), data.groupId, data.otherGroupId));
}

export async function dissolveGroupAction(input: unknown) {
  return runAction(dissolveGroupSchema, input, async (actor, data) => refreshed(await dissolveGroup({ actor, input: data }), data.groupId));
}

export async function addClaimToGroupAction(input: unknown) {
  return runAction(addClaimToGroupSchema, input, async (actor, data) => refreshed(await addClaimToGroup({ actor, input: data }), data.groupId));
}
