/** Someone a comment may name: an active user, by the name the users list shows. */
export interface Mentionable {
  id: string;
  name: string;
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

function namePattern(name: string): RegExp {
  const words = name.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // Sticky, so it matches right after the "@"; any run of spaces between the words, any case
  // (Kazakh capitals included), and the name must end where a word ends: "@Әлия" does not
  // name "Әлияхан".
  return new RegExp(`${words.join("\\s+")}(?![\\p{L}\\p{N}_])`, "iuy");
}

/**
 * The people a comment names. A mention is "@" followed by a user's full name as the users list
 * spells it ("@Айгүл Сәрсенова"), which is what the reply form's type-ahead inserts: the text
 * stays readable wherever a comment is shown or exported, and names with spaces and Kazakh letters
 * need no escaping. An "@" inside a word (an e-mail address) names no one. Where several names fit,
 * the longest wins ("@Әлия Нұрлан" over "@Әлия"); people who share that exact name are all named,
 * as nothing in the text could tell them apart.
 */
export function findMentions(body: string, people: readonly Mentionable[]): string[] {
  const patterns = people.filter((person) => person.name.trim() !== "").map((person) => ({ person, pattern: namePattern(person.name) }));
  const named = new Set<string>();
  for (let at = body.indexOf("@"); at !== -1; at = body.indexOf("@", at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(body[at - 1])) continue;
    let longest = 0;
    let matched: string[] = [];
    for (const { person, pattern } of patterns) {
      pattern.lastIndex = at + 1;
      const match = pattern.exec(body);
      if (!match) continue;
      if (match[0].length > longest) [longest, matched] = [match[0].length, [person.id]];
      else if (match[0].length === longest) matched.push(person.id);
    }
    for (const id of matched) named.add(id);
  }
  return [...named];
}

/**
 * The "@" being typed just before the caret and the letters after it, for the type-ahead: null
 * when the caret is not in a mention. Up to three words, as names have up to three.
 */
export function mentionBeingTyped(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[^\p{L}\p{N}_])@((?:[\p{L}\p{N}_'’.-]+ ?){0,3})$/u.exec(before);
  if (!match) return null;
  const query = match[1];
  return { start: caret - query.length - 1, query };
}

/** The people whose name starts with, or has a word starting with, what was typed. */
export function matchingPeople<T extends Mentionable>(people: readonly T[], query: string, limit = 6): T[] {
  const wanted = query.trim().toLocaleLowerCase("kk");
  if (wanted === "") return people.slice(0, limit);
  return people
    .filter((person) => {
      const name = person.name.toLocaleLowerCase("kk");
      return name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted));
    })
    .slice(0, limit);
}
