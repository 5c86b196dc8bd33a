import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { listUsers } from "@/lib/users/list-users";
import { requirePageActor } from "../../../_lib/session";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

async function UsersPage() {
  const actor = await requirePageActor("/admin/users");
  const t = await getTranslations("users");
  if (!can(actor, "user.manage")) {
    return <p className="form-error" role="alert">{t("onlyAdmins")}</p>;
  }
  const users = await listUsers({ actor });
  return (
    <>
      <h1>{t("title")}</h1>
      <div className="table-scroll">
        <table className="list" data-testid="user-list">
          <thead>
            <tr>
              <th>{t("column.name")}</th>
              <th>{t("column.email")}</th>
              <th>{t("column.role")}</th>
              <th>{t("column.status")}</th>
              <th>
                <span className="visually-hidden">{t("column.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === actor.id} />
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" style={{ marginTop: "1.5rem", maxWidth: "32rem" }}>
        <h2>{t("addHeading")}</h2>
        <CreateUserForm />
      </section>
    </>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page() {
  return (
    <ClientMessages route="/admin/users">
      <UsersPage />
    </ClientMessages>
  );
}
