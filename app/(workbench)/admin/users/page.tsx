import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { listUsers } from "@/lib/users/list-users";
import { requirePageActor } from "../../../_lib/session";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users");
  if (!can(actor, "user.manage")) {
    return <p className="form-error" role="alert">Only an admin can manage users.</p>;
  }
  const users = await listUsers({ actor });
  return (
    <>
      <h1>Users</h1>
      <table className="list" data-testid="user-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === actor.id} />
          ))}
        </tbody>
      </table>
      <section className="card" style={{ marginTop: "1.5rem", maxWidth: "32rem" }}>
        <h2>Add a user</h2>
        <CreateUserForm />
      </section>
    </>
  );
}
