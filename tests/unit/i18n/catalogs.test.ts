import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalog";
import { LOCALES } from "@/lib/i18n/locales";
import { flattenMessages } from "@/lib/i18n/messages";
import { libTemplates, templateShape } from "@/lib/i18n/message-translator";
import { hardCodedInterfaceText, libMessages, sourceFiles, usedTranslationKeys, type Finding } from "../../support/i18n-scan";
import { REPO_ROOT } from "../../support/paths";

// Every visible string goes through the translation layer: these tests fail when a language
// lacks an entry, when interface text is written in the code, or when a message lib/ can show
// has no entry to be translated from.

const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, loadMessages(locale, REPO_ROOT)]));
const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flattenMessages(catalogs[locale])]));

/** The ICU arguments of a message ("{count}", "{role, select, …}"), which every language must use alike. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      // Only top-level arguments: the branches of a plural or select hold text, not names.
      const name = depth === 0 ? /^\{\s*(\w+)\s*[,}]/.exec(message.slice(i)) : null;
      if (name) names.add(name[1]);
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

const describeFindings = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line} ${f.why}: ${f.text}`);

describe("the catalogs", () => {
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`has every English entry in ${locale}, and nothing English lacks`, () => {
      const missing = [...flat.en.keys()].filter((key) => !flat[locale].has(key));
      const extra = [...flat[locale].keys()].filter((key) => !flat.en.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`uses the same arguments in ${locale} as in English`, () => {
      const differing = [...flat.en].filter(([key, english]) => flat[locale].has(key) && argumentsOf(english).join() !== argumentsOf(flat[locale].get(key)!).join()).map(([key]) => key);
      expect(differing).toEqual([]);
    });
  }

  it("has no empty entry in any language", () => {
    const empty = LOCALES.flatMap((locale) => [...flat[locale]].filter(([, text]) => text.trim() === "").map(([key]) => `${locale}:${key}`));
    expect(empty).toEqual([]);
  });
});

describe("the code", () => {
  const appFiles = sourceFiles("app").filter((file) => !file.startsWith("app/api/") && !file.startsWith("app/_lib/"));

  it("writes no interface text outside the catalogs", () => {
    expect(describeFindings(hardCodedInterfaceText(appFiles))).toEqual([]);
  });

  it("uses only translation keys the catalogs have", () => {
    const known = flat.en;
    const prefixes = new Set([...known.keys()].flatMap((key) => key.split(".").map((_, i, parts) => parts.slice(0, i + 1).join("."))));
    const unknown = usedTranslationKeys(sourceFiles("app")).filter((use) => {
      // A key built at run time (`status.${value}`) must at least name an existing group.
      if (use.text.includes("{}")) return !prefixes.has(use.text.slice(0, use.text.indexOf("{}")).replace(/\.$/, ""));
      return !known.has(use.text);
    });
    expect(describeFindings(unknown)).toEqual([]);
  });

  it("has an English entry for every message lib/ and the server can show, so it can be translated", () => {
    const templates = new Set([...libTemplates(catalogs.en).values()].map(templateShape));
    const files = [...sourceFiles("lib"), ...sourceFiles("app/api"), ...sourceFiles("app/_lib")];
    const missing = libMessages(files).filter((message) => !templates.has(message.text) && !flat.en.has(message.text));
    expect(describeFindings(missing)).toEqual([]);
  });
});
