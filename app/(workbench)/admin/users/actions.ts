"use server";

import { revalidatePath } from "next/cache";
import { createUser } from "@/lib/users/create-user";
import { setUserPassword } from "@/lib/users/set-user-password";
import { updateUser } from "@/lib/users/update-user";
import { createUserSchema, setUserPasswordSchema, updateUserSchema } from "@/lib/users/user-schemas";
import { runAction } from "../../../_lib/action-result";

export async function createUserAction(input: unknown) {
  const result = await runAction(createUserSchema, input, (actor, data) => createUser({ actor, input: data }));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function updateUserAction(input: unknown) {
  const result = await runAction(updateUserSchema, input, (actor, data) => updateUser({ actor, input: data }));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setUserPasswordAction(input: unknown) {
  const result = await runAction(setUserPasswordSchema, input, (actor, data) => setUserPassword({ actor, input: data }));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
