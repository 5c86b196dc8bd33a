import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { MAX_BACKUP_UPLOAD_TEXT } from "@/lib/backup/limits";
import { requirePageActor } from "../../../_lib/session";
import { RestoreForm } from "./restore-form";

export const metadata: Metadata = { title: "Restore a backup" };

export default async function RestorePage() {
  const actor = await requirePageActor("/admin/restore");
  if (!can(actor, "backup.restore")) {
    return <p className="form-error" role="alert">Only an admin can restore a backup.</p>;
  }
  return (
    <>
      <h1>Restore a backup</h1>
      <section className="card" style={{ maxWidth: "44rem" }}>
        <p>
          Choose a JSON Lines export of everything (the ledger without a filter, format “JSON Lines (backup)”). Its articles, claims,
          sources, reviews, comments and groups are restored with their ids, all or nothing: a file that is damaged, cut short, from
          another version, or holding something already stored here is refused whole, with the line that failed, and nothing changes.
        </p>
        <p className="muted">
          Restore into a new, empty instance. Accounts of the file that exist here (by email) are used as they are; the others are
          created deactivated and without a password, for an admin to activate. Up to {MAX_BACKUP_UPLOAD_TEXT} here;
          a larger file is restored on the server with <code>npm run restore -- FILE</code>.
        </p>
        <RestoreForm />
      </section>
    </>
  );
}
