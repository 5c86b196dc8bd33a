import { IntlMessageFormat } from "intl-messageformat";
import { formatMoment } from "./format";
import type { Locale } from "./locales";
import { flattenMessages, type Messages } from "./messages";

/**
 * Messages written in lib/ (validation rules, refusals, policy reasons) are English sentences,
 * some with values in them ("Unknown status “X”. …"). They are translated where they are shown:
 * the English catalog's "lib*" namespaces hold each sentence as a template ("Unknown status
 * “{value}”. …"); a shown message is matched against those templates, and the same entry of the
 * reader's language is filled with the values found. lib/ stays free of any translation layer,
 * and a sentence with no entry is shown as written (a test keeps that from happening).
 *
 * A value that is a code, not words ("VOTE_SHARE"), is named by the catalogs, English included:
 * "{category, select, VOTE_SHARE {vote share} … other {{category}}}" matches whatever lib/ put
 * there, and each language's select turns the code into its own words.
 *
 * An instant is written by lib/ as an ISO string into an argument named "{moment}"; it is shown
 * as the rest of the interface writes a time (Almaty time, the reader's language: formatMoment).
 */

interface Template {
  id: string;
  pattern: RegExp;
  names: string[];
  /** Per `select` argument, the English words of each branch → its code. */
  codesOfWords: Map<string, Map<string, string>>;
}

interface TemplateArgument {
  name: string;
  start: number;
  end: number;
}

/**
 * The top-level ICU arguments of a template: "{value}", and "{category, select, VOTE_SHARE {vote
 * share} … other {{category}}}" whole, since lib/ puts a code there and the catalogs name it.
 */
function templateArguments(english: string): TemplateArgument[] {
  const found: TemplateArgument[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < english.length; i++) {
    if (english[i] === "{") {
      if (depth === 0) start = i;
      depth++;
    } else if (english[i] === "}" && depth > 0 && --depth === 0) {
      const name = /^\{\s*(\w+)\s*[,}]/.exec(english.slice(start, i + 1));
      if (name) found.push({ name: name[1], start, end: i + 1 });
    }
  }
  return found;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function compileTemplate(id: string, english: string): Template {
  const names: string[] = [];
  const codesOfWords = new Map<string, Map<string, string>>();
  let source = "";
  let last = 0;
  for (const argument of templateArguments(english)) {
    source += escapeRegExp(english.slice(last, argument.start));
    source += "([\\s\\S]*?)";
    names.push(argument.name);
    // A coded error's English already names a code in words ("vote share"): taken back to the code.
    const select = /^\{\s*\w+\s*,\s*select\s*,([\s\S]*)\}$/.exec(english.slice(argument.start, argument.end));
    if (select) codesOfWords.set(argument.name, new Map([...select[1].matchAll(/(\w+)\s*\{([^{}]*)\}/g)].map(([, code, words]) => [words, code])));
    last = argument.end;
  }
  source += escapeRegExp(english.slice(last));
  return { id, pattern: new RegExp(`^${source}$`), names, codesOfWords };
}

/** A template as the code writes it, each argument "{}": "Unknown status “{}”." */
export function templateShape(english: string): string {
  let shape = "";
  let last = 0;
  for (const argument of templateArguments(english)) {
    shape += `${english.slice(last, argument.start)}{}`;
    last = argument.end;
  }
  return shape + english.slice(last);
}

/** The "lib*" namespaces' entries, flattened: id → English template. */
export function libTemplates(english: Messages): Map<string, string> {
  const all = new Map<string, string>();
  for (const [namespace, entries] of Object.entries(english)) {
    if (!namespace.startsWith("lib")) continue;
    for (const [id, text] of flattenMessages(entries, namespace)) all.set(id, text);
  }
  return all;
}

export type MessageTranslator = (message: string) => string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A value as its argument shows it: "{moment}" holds an instant; anything else is words. */
function shownValue(name: string, value: string, locale: string): string {
  if (name === "moment" && ISO_INSTANT.test(value)) return formatMoment(new Date(value), locale as Locale);
  return value;
}

export function createMessageTranslator(english: Messages, target: Messages, locale: string): MessageTranslator {
  const templates = libTemplates(english);
  const exact = new Map<string, string>();
  const patterned: Template[] = [];
  for (const [id, text] of templates) {
    const template = compileTemplate(id, text);
    if (template.names.length > 0) patterned.push(template);
    else exact.set(text, id);
  }
  // Longer templates first: "X is too long." must not be taken by a looser "{anything}".
  patterned.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  const targetFlat = new Map<string, string>();
  for (const [namespace, entries] of Object.entries(target)) if (namespace.startsWith("lib")) for (const [id, text] of flattenMessages(entries, namespace)) targetFlat.set(id, text);

  // A message may carry another inside it ("The filter cannot be saved: {reason}"): the values
  // found are translated too, one level deep.
  const translate = (message: string, depth: number): string => {
    // A zod rule's message is its code; one without values is that entry as it stands.
    const coded = templates.get(message);
    if (coded !== undefined && !coded.includes("{")) return targetFlat.get(message) ?? coded;
    const id = exact.get(message);
    if (id) return targetFlat.get(id) ?? message;
    for (const template of patterned) {
      const match = template.pattern.exec(message);
      if (!match) continue;
      const translated = targetFlat.get(template.id);
      if (!translated) return message;
      const values = Object.fromEntries(
        template.names.map((name, i) => {
          const value = template.codesOfWords.get(name)?.get(match[i + 1]) ?? match[i + 1];
          return [name, shownValue(name, depth > 0 ? translate(value, depth - 1) : value, locale)];
        }),
      );
      return String(new IntlMessageFormat(translated, locale).format(values));
    }
    return message;
  };
  return (message: string) => translate(message, 1);
}
