/**
 * The message namespaces each client tree receives. The browser only needs the entries its
 * client components translate; sending every catalog put ~97 KB of Kazakh into every page.
 * Server components read every namespace with getTranslations and are not limited by this.
 * tests/unit/i18n/client-namespaces.test.ts fails when a client component of a route uses a
 * namespace its list lacks.
 */

/**
 * lib/'s catalogs: a form's own schema and a route's JSON refusal reach the browser as codes,
 * worded there (app/_components/translated-message.tsx), so every client tree receives them.
 */
export const LIB_NAMESPACES = [
  "libApp",
  "libArticles",
  "libAuth",
  "libBackup",
  "libClaims",
  "libDelivery",
  "libExport",
  "libGrouping",
  "libImport",
  "libLedger",
  "libReview",
  "libServer",
  "libSuggestions",
  "libTokens",
  "libUsers",
] as const;

/**
 * Around every page: the layouts' client components (language switch, sign-out), the error
 * boundaries, the sign-in form, and lib/'s messages.
 */
export const SHELL_NAMESPACES = [
  "common",
  "signin",
  "errorPages",
  ...LIB_NAMESPACES,
] as const;

/**
 * Each page's client components, by route (a page with no entry renders inside the shell's
 * provider, enough for its client components). A page's provider replaces the shell's messages, so the
 * shared components a page renders have their namespaces named again; lib/'s are added to every list.
 */
export const PAGE_NAMESPACES = {
  "/articles/[id]": ["workbench", "labels", "forms", "importPage"],
  "/articles/[id]/edit": ["articleEdit", "forms"],
  "/articles/import": ["importPage", "forms"],
  "/review/[claimId]": ["review", "labels", "forms"],
  "/ledger": ["ledger", "charts", "exportPanel", "forms"],
  "/ledger/groups": ["groups", "forms"],
  "/ledger/groups/[groupId]": ["groups", "review", "forms"],
  "/account": ["account", "forms"],
  "/admin/users": ["users", "forms"],
  "/admin/tokens": ["tokens", "forms"],
  "/admin/restore": ["restore"],
} as const satisfies Record<string, readonly string[]>;

export type PageRoute = keyof typeof PAGE_NAMESPACES;

/** The given namespaces of a language's messages, for a client provider. */
export function pickNamespaces<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  return Object.fromEntries(namespaces.filter((namespace) => namespace in messages).map((namespace) => [namespace, messages[namespace]])) as Partial<M>;
}
