import "server-only";
import { type ZodType, z } from "zod";
import type { Actor } from "@/lib/auth/policy";
import { DerekError, type RefusalKind } from "@/lib/core/errors";
import type { CodedMessage, MessageCode, MessageParams } from "@/lib/core/message-codes";
import { codedIssue, issueField } from "@/lib/core/zod-issues";
import { codeTranslator, type MessageTranslator } from "./code-translator";
import { currentActor } from "./session";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** The refusal in the reader's language. */
      error: string;
      /** Each field's message, in the reader's language. */
      fieldErrors?: Record<string, string>;
      /** What kind of refusal, so a form can offer the right way out (a "Reload" on a conflict). */
      code?: Extract<RefusalKind, "invalid" | "conflict" | "not-found">;
      /** The refusal's message code and parameters, for a client that words it itself. */
      messageCode?: MessageCode;
      params?: MessageParams;
    };

type Refusal = Extract<ActionResult<never>, { ok: false }>;

function refusal(translate: MessageTranslator, message: CodedMessage, extra: Omit<Refusal, "ok" | "error" | "messageCode" | "params"> = {}): Refusal {
  return { ok: false, error: translate(message), messageCode: message.code, ...(message.params && Object.keys(message.params).length > 0 ? { params: message.params } : {}), ...extra };
}

function invalidInput(translate: MessageTranslator, error: z.ZodError): Refusal {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issueField(issue) ?? "form"] ??= translate(codedIssue(issue) ?? issue.message);
  // A form puts each message beside its field; a control without one (a button on a suggestion)
  // shows `error`, so it names the first problem rather than fields the user cannot see.
  const first = error.issues[0];
  const coded = first && codedIssue(first);
  if (!coded && first) return { ok: false, error: translate(first.message), fieldErrors };
  return refusal(translate, coded ?? { code: "libApp.fieldsNeedAttention" }, { fieldErrors });
}

/**
 * Every server action is a public endpoint, so each one runs through here: it loads the signed-in
 * user, validates the input with the operation's zod schema (the same one the form uses), runs
 * the operation (which asks the policy), and turns refusals into messages in the reader's
 * language — translated here, once, from their codes. Anything unexpected is logged and reported
 * without internals.
 */
export async function runAction<S extends ZodType, T>(
  schema: S,
  rawInput: unknown,
  operation: (actor: Actor, input: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const translate = await codeTranslator();
  const actor = await currentActor();
  if (!actor) return refusal(translate, { code: "libApp.sessionEnded" });
  const parsed = schema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(translate, parsed.error);
  try {
    return { ok: true, data: await operation(actor, parsed.data) };
  } catch (error) {
    if (error instanceof DerekError) {
      const code = error.kind === "conflict" || error.kind === "not-found" ? error.kind : "invalid";
      const text = translate(error.toCoded());
      return { ...refusal(translate, error.toCoded(), { code }), fieldErrors: error.field ? { [error.field]: text } : undefined };
    }
    console.error("Server action failed", error);
    return refusal(translate, { code: "libApp.serverError" });
  }
}
