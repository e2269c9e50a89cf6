import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { WorkersView } from "@/components/workers/workers-view";
import { requireAdmin } from "@/lib/auth";
import { listWorkers } from "@/lib/workers";

export const metadata: Metadata = { title: "Workers" };

// The processes taking collection jobs and the queue's depth, refreshed while the page is open. Admins only.
export default async function WorkersPage() {
  await requireAdmin();
  const overview = await listWorkers();
  return (
    <>
      <PageHeader
        title="Workers"
        description="Processes that take collection jobs: worker processes and web instances working jobs themselves (UTC)."
      />
      <WorkersView initial={overview} />
    </>
  );
}
