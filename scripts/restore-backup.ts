/**
 * npm run restore -- FILE   (FILE "-" reads standard input)
 *
 * Restores a JSON Lines export (a backup) into the database named by DATABASE_URL, after applying
 * any pending migrations to it, as `npm start` would. All or nothing: a refused file changes
 * nothing and the line that failed is named. Exit codes: 0 restored, 1 refused or failed, 2 usage.
 *
 * The same rules as the web page: only into an empty instance, every row held to the workbench's
 * rules, an audit event per claim and review. There is no override: whoever holds DATABASE_URL
 * can write the tables directly anyway, and a restore that merged a file into a newsroom's own
 * work would make forged reviews look like ones given here.
 */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { InstanceNotEmptyError, RestoreRefusedError } from "@/lib/backup/restore-errors";
import { disconnectDb } from "@/lib/db/client";
import { checkDatabaseReachable } from "@/lib/db/ensure-database";
import { prepareDatabase } from "./support/database-setup";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((arg) => arg !== "--");
  if (!file) {
    process.stderr.write("Usage: npm run restore -- FILE   (a .jsonl export of Derek; \"-\" reads standard input)\n");
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write("restore: set DATABASE_URL to the PostgreSQL database to restore into (an empty one).\n");
    return 2;
  }
  if (file !== "-") {
    try {
      await access(file);
    } catch (error) {
      process.stderr.write(`restore: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
  }

  await checkDatabaseReachable(url);
  await prepareDatabase({ root: ROOT, url });
  const started = performance.now();
  try {
    const result = await restoreBackup({ actor: "command-line", input: file === "-" ? process.stdin : createReadStream(file) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const counts = Object.entries(result.counts)
      .map(([what, n]) => `${n} ${what}`)
      .join(", ");
    console.log(`Restored ${counts} from ${result.lines} lines in ${seconds} s (sha256 ${result.sha256}, exported ${result.exportedAt}).`);
    if (result.usersMatched > 0) console.log(`${result.usersMatched} accounts of the file already existed here (matched by email) and were kept as they are.`);
    if (result.articlesAdopted > 0) console.log(`${result.articlesAdopted} articles had the text of an article stored here that nobody had worked on yet (a seed article); that article was used, with the file's title and details.`);
    if (result.usersCreated.length > 0) {
      console.log(`${result.usersCreated.length} accounts were created deactivated and without a password; an admin sets their passwords and activates them under Admin → Users:`);
      for (const email of result.usersCreated) console.log(`  ${email}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefusedError || error instanceof InstanceNotEmptyError) {
      process.stderr.write(`restore: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`restore: ${(error as Error).message ?? String(error)}\n`);
    await disconnectDb();
    process.exit(1);
  });
