import { IntlMessageFormat } from "intl-messageformat";
import { isMessageCode } from "./coded-text";
import libApp from "../../messages/en/libApp.json";
import libArticles from "../../messages/en/libArticles.json";
import libAuth from "../../messages/en/libAuth.json";
import libBackup from "../../messages/en/libBackup.json";
import libClaims from "../../messages/en/libClaims.json";
import libDelivery from "../../messages/en/libDelivery.json";
import libExport from "../../messages/en/libExport.json";
import libGrouping from "../../messages/en/libGrouping.json";
import libImport from "../../messages/en/libImport.json";
import libLedger from "../../messages/en/libLedger.json";
import libReview from "../../messages/en/libReview.json";
import libServer from "../../messages/en/libServer.json";
import libSuggestions from "../../messages/en/libSuggestions.json";
import libTokens from "../../messages/en/libTokens.json";
import libUsers from "../../messages/en/libUsers.json";
import type { MessageCode, MessageParams } from "./message-codes";

const english: Record<string, unknown> = {
  libApp, libArticles, libAuth, libBackup, libClaims, libDelivery, libExport, libGrouping,
  libImport, libLedger, libReview, libServer, libSuggestions, libTokens, libUsers,
};

function entry(code: string): string | undefined {
  let node: unknown = english;
  for (const key of code.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * A coded message in English: what an error's `message` holds, so logs, the command-line tools
 * and the API's JSON (which scripts read) stay readable. The interface never shows this text; it
 * translates the code.
 */
export function englishMessage(code: MessageCode, params: MessageParams = {}): string {
  const template = entry(code);
  if (template === undefined) return code;
  // A parameter that is itself a code (the reason inside "…, field \"x\": {message}") in English too.
  const filled = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === "string" && isMessageCode(value) && entry(value) !== undefined ? englishMessage(value as MessageCode) : value]));
  return String(new IntlMessageFormat(template, "en").format(filled));
}


/** A message that may be coded, a code alone or words, in English (the API's JSON, logs). */
export function englishOf(message: { code: MessageCode; params?: MessageParams } | string): string {
  if (typeof message !== "string") return englishMessage(message.code, message.params);
  return isMessageCode(message) ? englishMessage(message as MessageCode) : message;
}
