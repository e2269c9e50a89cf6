import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Connections" description="How Cirrus reaches your AWS accounts: credentials, roles, accounts and regions." />
      <EmptyState title="No connections yet">
        A connection holds the credentials, role chain, accounts and regions Cirrus collects from. None have been created.
      </EmptyState>
    </>
  );
}
