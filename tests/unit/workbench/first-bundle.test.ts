import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../support/paths";

// What the workbench evaluates when an article opens: the files reached from it through static
// imports (a dynamic import() is a chunk of its own, loaded later). The panels an article does not
// open with stay out of it, so a long article's open does not pay for them.

const WORKBENCH = "app/(workbench)/articles/[id]/article-workbench.tsx";

function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(REPO_ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return [];
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
    const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly : statement.isTypeOnly;
    return typeOnly ? [] : [statement.moduleSpecifier.text];
  });
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (!base) return null;
  const ext = [".tsx", ".ts", "/index.tsx", "/index.ts"].find((candidate) => existsSync(path.join(REPO_ROOT, base + candidate)));
  return ext === undefined ? null : base + ext;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const specifier of staticImports(file)) {
      const next = resolve(file, specifier);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe("the workbench's first bundle", () => {
  const first = reachable(WORKBENCH);

  it("is found from the workbench (the walk itself works)", () => {
    expect(first).toContain("app/(workbench)/articles/[id]/annotated-viewer.tsx");
    expect(first).toContain("app/(workbench)/articles/[id]/claim-list-panel.tsx");
  });

  it.each([
    "app/(workbench)/articles/[id]/claim-panel.tsx",
    "app/(workbench)/articles/[id]/claim-thread.tsx",
    "app/(workbench)/mentions/mention-typeahead.tsx",
    "app/(workbench)/articles/[id]/claim-form.tsx",
    "app/(workbench)/articles/[id]/source-picker.tsx",
    "app/_components/shortcuts-dialog.tsx",
  ])("leaves out %s, loaded when first needed", (file) => {
    expect(first).not.toContain(file);
  });
});
