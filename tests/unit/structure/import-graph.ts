import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** Each lib/ file (relative to the repository, "lib/core/ids.ts") and the files and packages it imports. */
export interface ImportGraph {
  files: Map<string, { local: string[]; packages: string[] }>;
}

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) out.push(...sourceFiles(root, relative));
    else if (SOURCE.test(name) && !name.endsWith(".d.ts")) out.push(relative);
  }
  return out;
}

function resolve(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return base;
}

/**
 * Reads the import and export-from declarations (type-only ones too: a type import still ties one
 * area to another) and dynamic imports of every .ts/.tsx file under `dir`, skipping `skip`.
 */
export function readImportGraph(root: string, dir: string, skip: readonly string[] = []): ImportGraph {
  const files: ImportGraph["files"] = new Map();
  for (const file of sourceFiles(root, dir)) {
    if (skip.some((prefix) => file.startsWith(prefix))) continue;
    const info = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true);
    const local: string[] = [];
    const packages: string[] = [];
    for (const { fileName } of info.importedFiles) {
      const target = resolve(root, file, fileName);
      if (target === null) packages.push(fileName);
      else local.push(target);
    }
    files.set(file, { local, packages });
  }
  return { files };
}

/** Every cycle among the graph's files, each once, as the list of files around it. */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.files.get(file)?.local ?? []) {
      if (!graph.files.has(next)) continue;
      if (state.get(next) === "open") {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join(" ");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.files.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}
