import type pg from "pg";
import { authorize, type Actor } from "@/lib/auth/policy";
import { streamExport, type ExportRun } from "@/lib/export/run-export";
import { backupFormat } from "./jsonl-format";

export interface RunBackupOptions {
  actor: Actor;
  /** Absolute origin of the instance (the writer names no links, but the export run takes one). */
  baseUrl: string;
  /** Defaults to the export pool (lib/export/export-pool.ts). */
  pool?: pg.Pool;
}

/**
 * A full backup of the instance as a JSON Lines stream (backupFormat): every stored claim, deleted
 * ones too, and every article, source and group, from one snapshot. It runs as an export does
 * (lib/export/run-export.ts): the same pool, the same "export.created" audit event once the last
 * byte is out, recorded with `backup: true`.
 */
export async function runBackup(options: RunBackupOptions): Promise<ExportRun> {
  authorize(options.actor, "backup.create");
  return streamExport({
    actor: options.actor,
    format: backupFormat,
    filter: {},
    count: countAllClaims,
    audited: { format: backupFormat.id, backup: true },
    fileName: "backup",
    baseUrl: options.baseUrl,
    pool: options.pool,
  });
}

async function countAllClaims(client: pg.PoolClient): Promise<{ total: number }> {
  const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Claim"`);
  return { total: rows[0].count };
}
