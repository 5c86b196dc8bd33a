import type { Metadata } from "next";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { listTokenHolders } from "@/lib/api-tokens/list-token-holders";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "../../../_lib/session";
import { formatTime } from "../../review/format-time";
import { IssueTokenForm } from "./issue-token-form";
import { TokenRow } from "./token-row";

export const metadata: Metadata = { title: "API tokens" };

/** Admins issue and revoke the per-user tokens that scripts use for the export API. */
export default async function ApiTokensPage() {
  const actor = await requirePageActor("/admin/tokens");
  if (!can(actor, "token.manage")) {
    return <p className="form-error" role="alert">Only an admin can manage API tokens.</p>;
  }
  const [tokens, holders] = await Promise.all([listApiTokens({ actor }), listTokenHolders({ actor })]);
  return (
    <>
      <h1>API tokens</h1>
      <p className="muted">
        A token lets a script export claims (<code>/api/export</code>) as its user, with that user&apos;s permissions. A
        revoked token, or one whose user is deactivated, is refused from the next request on.
      </p>
      {tokens.length === 0 ? (
        <p className="muted" data-testid="token-list-empty">No tokens have been issued yet.</p>
      ) : (
        <table className="list" data-testid="token-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>User</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <TokenRow
                key={token.id}
                token={{
                  id: token.id,
                  name: token.name,
                  userName: token.user.name,
                  userEmail: token.user.email,
                  userActive: token.user.active,
                  created: formatTime(token.createdAt),
                  lastUsed: token.lastUsedAt ? formatTime(token.lastUsedAt) : null,
                  revoked: token.revokedAt ? formatTime(token.revokedAt) : null,
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      <section className="card token-issue" style={{ marginTop: "1.5rem", maxWidth: "40rem" }}>
        <h2>Issue a token</h2>
        <IssueTokenForm users={holders.map((user) => ({ id: user.id, label: `${user.name} (${user.email})` }))} />
      </section>
    </>
  );
}
