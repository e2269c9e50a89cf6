import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Runs" description="Every collection, scheduled or on demand, with its per-scope results." />
      <EmptyState title="No runs yet">Collections appear here once a connection runs on its schedule or by hand.</EmptyState>
    </>
  );
}
