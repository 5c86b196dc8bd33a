/** Links from an exported claim back into Derek. */

/** The claim's own page: its quote in context, verdict, sources and history. */
export function claimPageUrl(baseUrl: string, claimId: string): string {
  return `${baseUrl}/review/${claimId}`;
}

export function articlePageUrl(baseUrl: string, articleId: string): string {
  return `${baseUrl}/articles/${articleId}`;
}
