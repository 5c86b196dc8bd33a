import type libApp from "../../messages/en/libApp.json";
import type libArticles from "../../messages/en/libArticles.json";
import type libAuth from "../../messages/en/libAuth.json";
import type libBackup from "../../messages/en/libBackup.json";
import type libClaims from "../../messages/en/libClaims.json";
import type libDelivery from "../../messages/en/libDelivery.json";
import type libExport from "../../messages/en/libExport.json";
import type libGrouping from "../../messages/en/libGrouping.json";
import type libImport from "../../messages/en/libImport.json";
import type libLedger from "../../messages/en/libLedger.json";
import type libReview from "../../messages/en/libReview.json";
import type libServer from "../../messages/en/libServer.json";
import type libSuggestions from "../../messages/en/libSuggestions.json";
import type libTokens from "../../messages/en/libTokens.json";
import type libUsers from "../../messages/en/libUsers.json";

/** "a.b.c" for every string leaf of a catalog entry. */
type LeafPaths<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}.${K}` : LeafPaths<T[K], `${Prefix}.${K}`>;
}[keyof T & string];

/**
 * Every message lib/ can hand to a person is an entry of a "lib*" catalog namespace, and its code
 * is that entry's path ("libClaims.source.gone"). The type is read from the English catalogs, so a
 * code that has no message does not compile; tests/unit/i18n checks kk and ru hold the same keys.
 */
export type MessageCode =
  | LeafPaths<typeof libApp, "libApp">
  | LeafPaths<typeof libArticles, "libArticles">
  | LeafPaths<typeof libAuth, "libAuth">
  | LeafPaths<typeof libBackup, "libBackup">
  | LeafPaths<typeof libClaims, "libClaims">
  | LeafPaths<typeof libDelivery, "libDelivery">
  | LeafPaths<typeof libExport, "libExport">
  | LeafPaths<typeof libGrouping, "libGrouping">
  | LeafPaths<typeof libImport, "libImport">
  | LeafPaths<typeof libLedger, "libLedger">
  | LeafPaths<typeof libReview, "libReview">
  | LeafPaths<typeof libServer, "libServer">
  | LeafPaths<typeof libSuggestions, "libSuggestions">
  | LeafPaths<typeof libTokens, "libTokens">
  | LeafPaths<typeof libUsers, "libUsers">;

/**
 * The values a message is filled with. A value that is a code rather than words (a category, a
 * status) is passed as the code; each language's catalog names it with an ICU `select`. An
 * instant is passed as an ISO string in a parameter named `moment`, written by the interface in
 * Almaty time and the reader's language.
 */
export type MessageParams = Record<string, string | number>;

/** A message for a person, not yet in any language: translated once, where it is shown. */
export interface CodedMessage {
  code: MessageCode;
  params?: MessageParams;
}
