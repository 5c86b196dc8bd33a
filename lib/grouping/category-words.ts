/** "VOTE_SHARE" → "vote share": a category named in a message, without the app's labels. */
export function categoryWords(category: string): string {
  return category.toLowerCase().replace(/_/g, " ");
}
