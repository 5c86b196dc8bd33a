"use server";

import { changeOwnPassword } from "@/lib/users/change-own-password";
import { changeOwnPasswordSchema } from "@/lib/users/user-schemas";
import { runAction } from "../../_lib/action-result";

// Always the signed-in user's own password: the input names no user.
export async function changeOwnPasswordAction(input: unknown) {
  return runAction(changeOwnPasswordSchema, input, (actor, data) => changeOwnPassword({ actor, input: data }));
}
