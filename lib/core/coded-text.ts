import type { CodedMessage } from "./message-codes";

/** Whether a text is a message code ("libUsers.nameRequired", an entry's path) rather than words. */
export function isMessageCode(text: string): boolean {
  return /^lib[A-Z]\w*(\.\w+)+$/.test(text);
}

/**
 * A coded message as one string, for a channel that carries only text: next-auth hands the
 * browser a sign-in refusal as an error's message, and a zod rule its issue's message (the bound
 * a form in the browser must name too). `decodeCodedMessage` reads it back; any other text comes
 * back as it is.
 */
export function encodeCodedMessage(message: CodedMessage): string {
  return JSON.stringify({ code: message.code, params: message.params ?? {} });
}

export function decodeCodedMessage(text: string): CodedMessage | string {
  if (!text.startsWith("{")) return text;
  try {
    const parsed = JSON.parse(text) as Partial<CodedMessage>;
    return typeof parsed.code === "string" && isMessageCode(parsed.code) ? { code: parsed.code, params: parsed.params } : text;
  } catch {
    return text;
  }
}
