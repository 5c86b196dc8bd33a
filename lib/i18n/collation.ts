/**
 * Names, titles and outlets are Kazakh words: they sort in the Kazakh alphabet (ә after а, ғ after
 * г, і after ы), whatever the interface language. PostgreSQL's own order under C.UTF-8 is by code
 * point, which puts every Kazakh-only letter after я.
 */
export const KAZAKH_SQL_COLLATION = `"kk-KZ-x-icu"`;

const kazakh = new Intl.Collator("kk", { sensitivity: "base", numeric: true });

export function compareKazakh(a: string, b: string): number {
  return kazakh.compare(a, b);
}

/** A copy of `items` in Kazakh alphabetical order of `key`, ties kept in their given order. */
export function sortKazakh<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => kazakh.compare(key(a.item), key(b.item)) || a.index - b.index)
    .map(({ item }) => item);
}
