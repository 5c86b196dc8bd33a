import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { listTokenHolders } from "@/lib/api-tokens/list-token-holders";
import { can } from "@/lib/auth/policy";
import { formatMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { requirePageActor } from "../../../_lib/session";
import { IssueTokenForm } from "./issue-token-form";
import { TokenRow } from "./token-row";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

/** Admins issue and revoke the per-user tokens that scripts use for the export API. */
async function ApiTokensPage() {
  const actor = await requirePageActor("/admin/tokens");
  const t = await getTranslations("tokens");
  if (!can(actor, "token.manage")) {
    return <p className="form-error" role="alert">{t("adminOnly")}</p>;
  }
  const locale = (await getLocale()) as Locale;
  const [tokens, holders] = await Promise.all([listApiTokens({ actor }), listTokenHolders({ actor })]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      {tokens.length === 0 ? (
        <p className="muted" data-testid="token-list-empty">{t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="list" data-testid="token-list">
            <thead>
              <tr>
                <th>{t("column.name")}</th>
                <th>{t("column.user")}</th>
                <th>{t("column.created")}</th>
                <th>{t("column.lastUsed")}</th>
                <th>{t("column.status")}</th>
                <th>
                <span className="visually-hidden">{t("column.actions")}</span>
              </th>
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
                    created: formatMoment(token.createdAt, locale),
                    lastUsed: token.lastUsedAt ? formatMoment(token.lastUsedAt, locale) : null,
                    revoked: token.revokedAt ? formatMoment(token.revokedAt, locale) : null,
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card token-issue" style={{ marginTop: "1.5rem", maxWidth: "40rem" }}>
        <h2>{t("issueHeading")}</h2>
        <IssueTokenForm users={holders.map((user) => ({ id: user.id, label: `${user.name} (${user.email})` }))} />
      </section>
    </>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page() {
  return (
    <ClientMessages route="/admin/tokens">
      <ApiTokensPage />
    </ClientMessages>
  );
}
