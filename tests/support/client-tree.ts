import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./paths";

// Which message namespaces a route's client components translate: the files reached from an entry
// (a page, a layout) through its imports, counted from the first "use client" file on, since every
// file a client component imports runs in the browser too.

const EXTENSIONS = ["", ".tsx", ".ts", "/index.tsx", "/index.ts"];

function resolveImport(fromFile: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(REPO_ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(path.join(REPO_ROOT, fromFile)), specifier);
  else return null; // a package: no catalog namespaces of Derek's own
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.relative(REPO_ROOT, candidate);
  }
  return null;
}

interface ParsedFile {
  isClient: boolean;
  imports: string[];
  /** Namespaces of useTranslations("ns" or "ns.sub"), with the line. */
  namespaces: { namespace: string; line: number }[];
}

const parsedCache = new Map<string, ParsedFile>();

function parseFile(file: string): ParsedFile {
  const cached = parsedCache.get(file);
  if (cached) return cached;
  const text = readFileSync(path.join(REPO_ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const isClient = !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use client";
  const imports: string[] = [];
  const namespaces: ParsedFile["namespaces"] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      // Types vanish from the bundle: an `import type` brings no component along.
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      if (!typeOnly) imports.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const [argument] = node.arguments;
      if (node.expression.text === "useTranslations") {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        if (argument && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument))) namespaces.push({ namespace: argument.text.split(".")[0], line });
        else namespaces.push({ namespace: "(every namespace: useTranslations without a literal namespace)", line });
      }
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      imports.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // Only app/ holds components: lib/ is plain TypeScript and translates nothing itself.
  const resolved = imports.flatMap((specifier) => resolveImport(file, specifier) ?? []).filter((imported) => imported.startsWith(`app${path.sep}`));
  const parsed = { isClient, imports: resolved, namespaces };
  parsedCache.set(file, parsed);
  return parsed;
}

export interface ClientNamespaceUse {
  namespace: string;
  /** file:line of the useTranslations call. */
  where: string;
}

/** Every namespace the client components reached from `entries` translate with useTranslations. */
export function clientNamespaceUses(entries: string[]): ClientNamespaceUse[] {
  const uses: ClientNamespaceUse[] = [];
  const seen = new Set<string>();
  const walk = (file: string, inClient: boolean) => {
    const parsed = parseFile(file);
    const client = inClient || parsed.isClient;
    const key = `${file}\u0000${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (client) for (const { namespace, line } of parsed.namespaces) uses.push({ namespace, where: `${file}:${line}` });
    for (const imported of parsed.imports) walk(imported, client);
  };
  for (const entry of entries) walk(entry, false);
  return uses;
}
