import type { Metadata } from "next";
import Link from "next/link";
import { ConnectionsTable } from "@/components/connections/connections-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { listDeletedConnectionHistory } from "@/lib/collector";
import { listConnections } from "@/lib/connections";
import { DeletedConnectionsPanel } from "@/components/connections/deleted-connections-panel";

export const metadata: Metadata = { title: "Connections" };

// Viewers see each connection's name and status, never its configuration (SECURITY.md 6).
export default async function ConnectionsPage() {
  const user = await requireUser();
  const connections = await listConnections();
  const isAdmin = user.role === "admin";
  const deleted = isAdmin
    ? (await listDeletedConnectionHistory()).map((row) => ({ ...row, lastRunAt: row.lastRunAt?.toISOString() ?? null }))
    : [];
  const newButton = isAdmin ? (
    <Link
      href="/connections/new"
      className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
    >
      New connection
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader
        title="Connections"
        description="How Cirrus reaches your AWS accounts: credentials, roles, accounts and regions."
        actions={connections.length ? newButton : undefined}
      />
      {connections.length ? (
        <ConnectionsTable connections={connections} linkToDetail={isAdmin} />
      ) : (
        <EmptyState title="No connections yet" action={newButton}>
          A connection holds the credentials, role chain, accounts and regions Cirrus collects from.
          {isAdmin ? " Create one to start." : " An administrator needs to create one."}
        </EmptyState>
      )}
      {isAdmin && <DeletedConnectionsPanel rows={deleted} />}
    </>
  );
}
