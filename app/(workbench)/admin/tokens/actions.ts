"use server";

import { revalidatePath } from "next/cache";
import { issueApiTokenSchema, revokeApiTokenSchema } from "@/lib/api-tokens/api-token-schemas";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { runAction } from "../../../_lib/action-result";

/** Admin only (token.manage). Returns the token's plaintext: the one time it is ever shown. */
export async function issueApiTokenAction(input: unknown) {
  const result = await runAction(issueApiTokenSchema, input, (actor, data) => issueApiToken({ actor, input: data }));
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}

/** Admin only (token.manage). */
export async function revokeApiTokenAction(input: unknown) {
  const result = await runAction(revokeApiTokenSchema, input, (actor, data) => revokeApiToken({ actor, input: data }));
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}
