import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "../../_lib/session";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
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
