import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="API tokens" description="Tokens for the read-only REST API used by ITAM tools." />
      <EmptyState title="No API tokens">No tokens have been created.</EmptyState>
    </>
  );
}
