import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth";
import { listUsers } from "@/lib/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireAdmin();
  const users = await listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Admins manage connections, runs, users and tokens; viewers view and export."
      />
      <div className="grid items-start gap-6 2xl:grid-cols-[1fr_20rem]">
        <UsersTable users={users} currentUserId={admin.id} />
        <CreateUserForm />
      </div>
    </>
  );
}
