import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const SOURCE_DIRS = ["app", "lib", "types"];
const SOURCE_FILES = ["next.config.js", "proxy.ts", "instrumentation-client.ts", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** A fingerprint of everything the build reads (paths, sizes, modification times). */
async function sourceFingerprint(root: string): Promise<string> {
  const files = [
    ...(await Promise.all(SOURCE_DIRS.map((d) => listFiles(path.join(root, d))))).flat(),
    ...SOURCE_FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f)),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const info = await stat(file);
    hash.update(`${path.relative(root, file)}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

/** Runs the `next` command; with `onOutput`, its output is also handed over as it comes. */
export function runNext(root: string, args: string[], env: NodeJS.ProcessEnv = process.env, onOutput?: (text: string) => void) {
  // Started through node directly: `npx next` leaves next-server running when it is killed.
  const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), ...args], {
    cwd: root,
    env,
    stdio: ["ignore", onOutput ? "pipe" : "inherit", onOutput ? "pipe" : "inherit"],
  });
  if (onOutput) {
    child.stdout?.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      onOutput(chunk.toString("utf8"));
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      onOutput(chunk.toString("utf8"));
    });
  }
  return child;
}

/**
 * Read by next.config.js: a build for `npm start` to serve at once, without the type-check that
 * `tsc --noEmit -p .` in npm test makes, and without the files only a later rebuild would read.
 */
const START_BUILD_ENV = "DEREK_START_BUILD";

const TYPE_CHECKED = "type-checked";

/**
 * Runs `next build` unless the last build was made from the same sources. `npm start` asks for
 * no type-check (typeCheck: false): on two cores it took longer than compiling, and the tests
 * check the same files with tsc. The e2e harness keeps it, since only the build checks the
 * route types Next generates; a build made without it is redone there.
 */
export async function buildIfNeeded(root: string, log: (line: string) => void, options: { typeCheck: boolean } = { typeCheck: true }): Promise<"built" | "up to date"> {
  const stampFile = path.join(root, ".next", "derek-build-stamp");
  const fingerprint = await sourceFingerprint(root);
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile)) {
    const [builtFrom, checked] = (await readFile(stampFile, "utf8")).split("\n");
    if (builtFrom === fingerprint && (checked === TYPE_CHECKED || !options.typeCheck)) return "up to date";
  }
  log("Building the app (first start or changed sources; this takes a minute or two)…");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", [START_BUILD_ENV]: options.typeCheck ? "" : "1" };
  const child = runNext(root, ["build"], env);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  await writeFile(stampFile, options.typeCheck ? `${fingerprint}\n${TYPE_CHECKED}` : fingerprint);
  return "built";
}
