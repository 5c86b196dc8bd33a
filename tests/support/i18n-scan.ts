import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./paths";

// The translation layer's inspector, for tests/unit/i18n: finds interface text written in the code
// instead of the catalogs (messages/<locale>/*.json), sentences written where lib/ gives a message
// code, the message codes the code uses, and translation keys the code uses that the catalogs do
// not have.

export interface Finding {
  file: string;
  line: number;
  text: string;
  why: string;
}

/** Attributes whose value a person reads. */
const HUMAN_ATTRIBUTES = new Set(["label", "title", "placeholder", "aria-label", "alt", "aria-description", "aria-roledescription", "summary", "description", "heading"]);
/** Object properties whose value a person reads, in app/. */
const HUMAN_PROPERTIES = new Set(["label", "title", "description", "message", "error", "placeholder", "hint", "heading", "summary", "confirm", "text", "caption", "legend"]);
/** lib/ properties that carry a validation or refusal message. */
const MESSAGE_PROPERTIES = new Set(["error", "message"]);
/** Calls whose first argument is a message shown to someone. */
const MESSAGE_CALLS = new Set(["DerekError", "ForbiddenError", "deny", "ImportError", "ArticleNotFoundError", "ArticleConflictError", "RestoreRefusedError", "InstanceNotEmptyError", "exportRefusal", "refusal", "refused"]);
/** A message code: the path of an entry of a "lib*" catalog. */
export const MESSAGE_CODE = /^lib[A-Z]\w*(\.\w+)+$/;

const LETTERS = /\p{L}{2,}/u;
// A value such as "VERIFIED" or "claim.submit": an identifier, not a sentence.
const IDENTIFIER_LIKE = /^[\p{Lu}\d_]+$|^[\p{Ll}\d_.:-]+$|^[a-z][a-zA-Z\d]*$/u;

export function sourceFiles(dir: string, extensions = [".ts", ".tsx"]): string[] {
  const root = path.join(REPO_ROOT, dir);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && extensions.some((ext) => e.name.endsWith(ext)) && !e.name.endsWith(".d.ts"))
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)))
    .filter((file) => !file.split(path.sep).includes("generated"))
    .sort();
}

function parse(file: string): ts.SourceFile {
  const text = readFileSync(path.join(REPO_ROOT, file), "utf8");
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

const lineOf = (source: ts.SourceFile, node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

/** A string or template literal as a template: "Unknown status “{}”." for `Unknown status “${x}”.`. */
export function literalTemplate(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join("");
  return null;
}

const isProse = (text: string) => LETTERS.test(text) && !IDENTIFIER_LIKE.test(text.trim()) && !/^(https?:|\/|#|\.\/|@\/|\[)/.test(text.trim());

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** Interface text written into app/ instead of the catalogs. */
export function hardCodedInterfaceText(files: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const source = parse(file);
    const report = (node: ts.Node, text: string, why: string) => findings.push({ file, line: lineOf(source, node), text: text.trim().slice(0, 80), why });
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && LETTERS.test(node.text) && node.text.trim() !== "Derek") report(node, node.text, "text in JSX");
      else if (ts.isJsxAttribute(node) && node.initializer) {
        const name = node.name.getText(source);
        const value = ts.isStringLiteral(node.initializer) ? node.initializer : ts.isJsxExpression(node.initializer) ? node.initializer.expression : undefined;
        const text = value && literalTemplate(value);
        if (HUMAN_ATTRIBUTES.has(name) && text && LETTERS.test(text)) report(node, text, `${name}="…" attribute`);
      } else if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent) || (ts.isJsxExpression(node) && ts.isJsxFragment(node.parent))) {
        // {"text"} or {cond ? "a" : "b"} as a child of an element.
        const check = (expr: ts.Expression | undefined) => {
          if (!expr) return;
          const text = literalTemplate(expr);
          if (text !== null) {
            if (isProse(text)) report(expr, text, "text in JSX");
          } else if (ts.isConditionalExpression(expr)) {
            check(expr.whenTrue);
            check(expr.whenFalse);
          } else if (ts.isBinaryExpression(expr)) {
            check(expr.left);
            check(expr.right);
          } else if (ts.isParenthesizedExpression(expr)) check(expr.expression);
        };
        check(node.expression);
      } else if (ts.isPropertyAssignment(node) && HUMAN_PROPERTIES.has(node.name.getText(source).replace(/["']/g, ""))) {
        const text = literalTemplate(node.initializer);
        if (text && isProse(text)) report(node, text, `${node.name.getText(source)}: "…"`);
      } else if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.length) {
        const name = calleeName(node) ?? "";
        if (/^(set[A-Z]\w*|confirm|alert|prompt)$/.test(name)) {
          for (const arg of node.arguments) {
            const text = literalTemplate(arg);
            if (text && isProse(text)) report(arg, text, `${name}("…")`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return findings;
}

/** Every message lib/ (or a route handler) can show someone, as a template with {} for values. */
/** Sentences written where lib/ hands a person a message, which should be message codes. */
export function libMessages(files: string[]): Finding[] {
  const messages: Finding[] = [];
  for (const file of files) {
    const source = parse(file);
    const add = (node: ts.Node | undefined) => {
      if (!node) return;
      const text = literalTemplate(node);
      // A code such as "not_utf8" (ImportError's first argument) is looked up, not shown.
      if (text !== null && LETTERS.test(text) && !IDENTIFIER_LIKE.test(text) && !MESSAGE_CODE.test(text)) messages.push({ file, line: lineOf(source, node), text, why: "message" });
      else if (node && ts.isConditionalExpression(node)) {
        add(node.whenTrue);
        add(node.whenFalse);
      }
    };
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAssignment(node) && MESSAGE_PROPERTIES.has(node.name.getText(source).replace(/["']/g, ""))) {
        // zod's `{ error: (issue) => `…` }` form too.
        const value = node.initializer;
        if (ts.isArrowFunction(value) && !ts.isBlock(value.body)) add(value.body);
        else add(value);
      } else if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && MESSAGE_CALLS.has(calleeName(node) ?? "") && node.arguments?.length) {
        add(node.arguments[0]);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return messages;
}

/** Translation keys used in code: `const t = useTranslations("ns")` / `await getTranslations("ns")`, then t("key"). */
export function usedTranslationKeys(files: string[]): Finding[] {
  const keys: Finding[] = [];
  for (const file of files) {
    const source = parse(file);
    const namespaces = new Map<string, string>();
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
        let init: ts.Expression = node.initializer;
        if (ts.isAwaitExpression(init)) init = init.expression;
        if (ts.isCallExpression(init) && ["useTranslations", "getTranslations"].includes(calleeName(init) ?? "")) {
          const arg = init.arguments[0];
          const ns = arg && ts.isStringLiteral(arg) ? arg.text : arg && ts.isObjectLiteralExpression(arg) ? arg.properties.map((p) => (ts.isPropertyAssignment(p) && p.name.getText(source) === "namespace" && ts.isStringLiteral(p.initializer) ? p.initializer.text : "")).join("") : "";
          namespaces.set(node.name.text, ns);
        }
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        let tName: string | undefined;
        if (ts.isIdentifier(callee)) tName = callee.text;
        else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && ["rich", "markup", "raw", "has"].includes(callee.name.text)) tName = callee.expression.text;
        const ns = tName !== undefined ? namespaces.get(tName) : undefined;
        const arg = node.arguments[0];
        if (ns !== undefined && arg) {
          const key = literalTemplate(arg);
          if (key !== null) keys.push({ file, line: lineOf(source, node), text: ns ? `${ns}.${key}` : key, why: "key" });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return keys;
}

/** Every string in the code that is a message code ("libUsers.nameRequired"), zod schemas' included. */
export function messageCodes(files: string[]): Finding[] {
  const found: Finding[] = [];
  for (const file of files) {
    const source = parse(file);
    const visit = (node: ts.Node) => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && MESSAGE_CODE.test(node.text)) found.push({ file, line: lineOf(source, node), text: node.text, why: "message code" });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
