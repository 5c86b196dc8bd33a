import type { CodedMessage } from "@/lib/core/message-codes";
import { spawn } from "node:child_process";
import path from "node:path";
import { authorize, ForbiddenError, type Actor } from "@/lib/auth/policy";
import type { MessageCode } from "@/lib/core/message-codes";
import type { RestoreResult } from "./restore-backup";
import { InstanceNotEmptyError, RestoreRefusedError, type InstanceWork, type RestoreRefusalCode } from "./restore-errors";

/** What scripts/restore-child.ts prints as its last line of output. */
export type ChildOutcome =
  | { status: "restored"; result: RestoreResult }
  | { status: "refused"; line: number; refusal: RestoreRefusalCode; reason: CodedMessage }
  | { status: "not_empty"; found: InstanceWork }
  | { status: "forbidden"; code: MessageCode };

/**
 * As long as the transaction may last (restore-backup.ts); a restore still running then is
 * stopped, and its transaction rolled back with its connection.
 */
const CHILD_TIMEOUT_MS = 60 * 60 * 1000;
/** The child's heap: a restore keeps tens of bytes per claim and review (limits.ts). */
const CHILD_HEAP_MB = 3072;

/**
 * Restores a backup file in a process of its own (scripts/restore-child.ts), for the web route.
 * Reading, validating and checking a file is CPU work that grows with its records and their
 * bodies (measured on this machine: about 2.5 s of it for one article of 2.3 million characters,
 * half a minute for one of 9 million); in the server's process it would stall every other request
 * meanwhile. The child has its own event loop, heap limit and time limit, and a crash of it is a
 * failed restore, not a server down. Its answer comes back as the same result or errors
 * restoreBackup gives, so the route treats both alike.
 *
 * `root` is the app's folder (the server's working directory), where the child's script and tsx
 * are found.
 */
export async function restoreInOwnProcess(options: { actor: Actor; file: string; root?: string }): Promise<RestoreResult> {
  authorize(options.actor, "backup.restore");
  const root = options.root ?? process.cwd();
  const outcome = await runChild(root, [path.join(root, "scripts", "restore-child.ts"), options.file, options.actor.id]);
  switch (outcome.status) {
    case "restored":
      return outcome.result;
    case "refused":
      throw new RestoreRefusedError(outcome.line, outcome.refusal, outcome.reason);
    case "not_empty":
      throw new InstanceNotEmptyError(outcome.found);
    case "forbidden":
      throw new ForbiddenError(outcome.code);
  }
}

function runChild(root: string, args: string[]): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, "--import", "tsx", ...args], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: CHILD_TIMEOUT_MS,
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    // Only the end is kept: enough to say why it failed, however much it wrote.
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const last = stdout.trimEnd().split("\n").at(-1) ?? "";
      if (code === 0) {
        try {
          return resolve(JSON.parse(last) as ChildOutcome);
        } catch {
          // Falls through to the failure below: no answer is no restore.
        }
      }
      reject(new Error(`The restore process ended without an answer (exit ${code ?? signal}): ${stderr.trim() || "no output"}`));
    });
  });
}
