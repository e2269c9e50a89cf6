import Link from "next/link";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { getOverview } from "@/lib/inventory/overview";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const user = await requireUser();
  const overview = await getOverview({ now: new Date() });
  return (
    <>
      <PageHeader title="Overview" description="Licence-relevant totals and trends across every connected AWS account." />
      {overview.hasData ? (
        <OverviewDashboard overview={overview} />
      ) : (
        <EmptyState
          title="No inventory collected yet"
          action={
            user.role === "admin" ? (
              <Link href="/connections" className="text-sm font-medium text-brand-700 underline">
                Go to connections
              </Link>
            ) : undefined
          }
        >
          Totals, vCPU peaks, Oracle processor counts, dedicated host cores and reserved instance coverage appear here after the
          first collection.{" "}
          {user.role === "admin" ? "Connect an AWS account to start." : "An administrator needs to connect an AWS account first."}
        </EmptyState>
      )}
    </>
  );
}
