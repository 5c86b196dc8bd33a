/**
 * The web restore's own process, started by lib/backup/restore-process.ts with the uploaded file
 * and the id of the admin restoring: FILE ACTOR_ID. Not a command for people (that is
 * `npm run restore`). It restores with the admin as actor, asks the policy again with the account
 * as it is now, and prints its outcome as one JSON line (ChildOutcome); exit 0 whenever there is
 * an outcome, refusals included, and non-zero only when it failed.
 */
import { createReadStream } from "node:fs";
import { ForbiddenError } from "@/lib/auth/policy";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { InstanceNotEmptyError, RestoreRefusedError } from "@/lib/backup/restore-errors";
import type { ChildOutcome } from "@/lib/backup/restore-process";
import { db, disconnectDb } from "@/lib/db/client";

async function main(): Promise<ChildOutcome> {
  const [file, actorId] = process.argv.slice(2);
  const user = await db.user.findUnique({ where: { id: actorId }, select: { id: true, role: true, active: true } });
  if (!user) return { status: "forbidden", code: "libAuth.policy.signInFirst" };
  try {
    return { status: "restored", result: await restoreBackup({ actor: user, input: createReadStream(file) }) };
  } catch (error) {
    if (error instanceof RestoreRefusedError) return { status: "refused", line: error.line, refusal: error.refusal, reason: error.reason };
    if (error instanceof InstanceNotEmptyError) return { status: "not_empty", found: error.found };
    if (error instanceof ForbiddenError) return { status: "forbidden", code: error.code };
    throw error;
  }
}

main()
  .then(async (outcome) => {
    await disconnectDb();
    process.stdout.write(`${JSON.stringify(outcome)}\n`, () => process.exit(0));
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    await disconnectDb().catch(() => undefined);
    process.exit(1);
  });
