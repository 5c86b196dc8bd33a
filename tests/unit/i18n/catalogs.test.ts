import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalog";
import { LOCALES } from "@/lib/i18n/locales";
import { flattenMessages } from "@/lib/i18n/messages";
import { englishMessage } from "@/lib/core/english-messages";
import type { MessageCode } from "@/lib/core/message-codes";
import { hardCodedInterfaceText, libMessages, messageCodes, sourceFiles, usedTranslationKeys, type Finding } from "../../support/i18n-scan";
import { REPO_ROOT } from "../../support/paths";

// Every visible string goes through the translation layer: these tests fail when a language
// lacks an entry, when interface text is written in the code, when a message code has no entry in
// some language, or when lib/ writes a sentence where a message code belongs.

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

  it("uses only message codes every language has an entry for, zod schemas' codes included", () => {
    const files = [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("scripts")];
    const missing = messageCodes(files).flatMap((use) => LOCALES.filter((locale) => !flat[locale].has(use.text)).map((locale) => ({ ...use, why: `no ${locale} entry` })));
    expect(describeFindings(missing)).toEqual([]);
  });

  it("writes a message code, not a sentence, wherever lib/ or a route hands a person a message", () => {
    const files = [...sourceFiles("lib"), ...sourceFiles("app/api"), ...sourceFiles("app/_lib")];
    expect(describeFindings(libMessages(files))).toEqual([]);
  });
});

describe("the message codes", () => {
  const libEntries = [...flat.en.keys()].filter((key) => key.startsWith("lib"));

  it("are every entry of the lib* catalogs, each in kk and ru too", () => {
    const missing = LOCALES.flatMap((locale) => libEntries.filter((code) => !flat[locale].has(code)).map((code) => `${locale}:${code}`));
    expect(missing).toEqual([]);
  });

  it("each have their English words for logs and the API (every lib* catalog is read by englishMessage)", () => {
    // englishMessage answers the code itself for a code it cannot read; filling needs parameters.
    const reads = (code: string) => {
      try {
        return englishMessage(code as MessageCode) !== code;
      } catch {
        return true;
      }
    };
    const unread = libEntries.filter((code) => !reads(code));
    expect(unread).toEqual([]);
  });

  // Namespaces whose every code is written in the code today; the others still hold entries
  // matched by the areas that write sentences (see STILL_IN_SENTENCES).
  const CODED_NAMESPACES = ["libApp", "libArticles", "libAuth", "libBackup", "libClaims", "libDelivery", "libExport", "libGrouping", "libImport", "libLedger", "libReview", "libServer", "libSuggestions", "libTokens", "libUsers"];

  it("has no entry nobody uses", () => {
    const used = new Set(messageCodes([...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("scripts")]).map((use) => use.text));
    // The policy names its refusals by key (deny("ownClaim")), each a libAuth.policy entry.
    const policy = readFileSync(path.join(REPO_ROOT, "lib/auth/policy.ts"), "utf8");
    for (const [, key] of policy.matchAll(/\bdeny\("(\w+)"\)/g)) used.add(`libAuth.policy.${key}`);
    const unused = libEntries.filter((code) => CODED_NAMESPACES.includes(code.split(".")[0]) && !used.has(code));
    expect(unused).toEqual([]);
  });
});
