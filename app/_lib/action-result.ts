import "server-only";
import { ZodError, type ZodType, z } from "zod";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { UserInputError } from "@/lib/users/user-errors";
import { currentActor } from "./session";

export type ActionResult<T> =
  | { ok: true; data: T }
  // code: what kind of refusal, so a form can offer the right way out (a "Reload" on a conflict).
  | { ok: false; error: string; fieldErrors?: Record<string, string>; code?: UserInputError["code"] };

function fieldErrorsOf(error: ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

/**
 * Every server action is a public endpoint, so each one runs through here: it loads the signed-in
 * user, validates the input with the operation's zod schema (the same one the form uses), runs
 * the operation (which asks the policy), and turns refusals into messages. Anything unexpected is
 * logged and reported without internals.
 */
export async function runAction<S extends ZodType, T>(
  schema: S,
  rawInput: unknown,
  operation: (actor: Actor, input: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, error: "Your session has ended. Sign in again." };
  const parsed = schema.safeParse(rawInput);
  // A form puts each message beside its field; a control without one (a button on a suggestion)
  // shows `error`, so it names the first problem rather than fields the user cannot see.
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await operation(actor, parsed.data) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, error: error.message };
    if (error instanceof DerekError) {
      const code = error.kind === "conflict" || error.kind === "not-found" ? error.kind : "invalid";
      return { ok: false, error: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined, code };
    }
    if (error instanceof UserInputError)
      return { ok: false, error: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined, code: error.code };
    console.error("Server action failed", error);
    return { ok: false, error: "Something went wrong on the server. Nothing was changed; try again." };
  }
}
