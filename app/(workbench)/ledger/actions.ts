"use server";

import { revalidatePath } from "next/cache";
import { claimSetRefSchema, deleteClaimSet, saveClaimSet, saveClaimSetSchema } from "@/lib/ledger/claim-sets";
import { runAction } from "../../_lib/action-result";

export async function saveClaimSetAction(input: unknown) {
  return runAction(saveClaimSetSchema, input, async (actor, data) => {
    const saved = await saveClaimSet({ actor, input: data });
    revalidatePath("/ledger");
    return { id: saved.id, name: saved.name };
  });
}

export async function deleteClaimSetAction(input: unknown) {
  return runAction(claimSetRefSchema, input, async (actor, data) => {
    await deleteClaimSet({ actor, claimSetId: data.claimSetId });
    revalidatePath("/ledger");
    return null;
  });
}
