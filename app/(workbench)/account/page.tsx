import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "../../_lib/session";
import { ChangePasswordForm } from "./change-password-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

async function AccountPage() {
  const actor = await requirePageActor("/account");
  const t = await getTranslations("account");
  const roles = await getTranslations("users");
  return (
    <>
      <h1>{t("title")}</h1>
      <dl className="card" style={{ maxWidth: "32rem" }} data-testid="account-details">
        <dt>{t("name")}</dt>
        <dd>{actor.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{actor.email}</dd>
        <dt>{t("role")}</dt>
        <dd>{roles(`roleOption.${actor.role}`)}</dd>
      </dl>
      {can(actor, "account.change_password") && (
        <section className="card" style={{ marginTop: "1.5rem", maxWidth: "32rem" }}>
          <h2>{t("password.heading")}</h2>
          <ChangePasswordForm />
        </section>
      )}
    </>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page() {
  return (
    <ClientMessages route="/account">
      <AccountPage />
    </ClientMessages>
  );
}
