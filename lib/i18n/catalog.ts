import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./locales";
import type { Messages } from "./messages";


const cache = new Map<string, Messages>();

/**
 * A language's messages: every messages/<locale>/<namespace>.json, under its namespace. One file
 * per area keeps translators (and engineers) out of each other's way.
 */
export function loadMessages(locale: Locale, root = process.cwd()): Messages {
  const key = `${root}\u0000${locale}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const dir = path.join(root, "messages", locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    messages[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  }
  cache.set(key, messages);
  return messages;
}
