import Link from "next/link";
import { CoverageBanner } from "@/components/coverage/coverage-banner";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { RESOURCE_TYPES } from "@/lib/resources/rows";
import { getCoverageGaps } from "@/lib/coverage";
import { getOverview } from "@/lib/inventory/overview";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const user = await requireUser();
  const [overview, coverage] = await Promise.all([
    getOverview({ now: new Date() }),
    getCoverageGaps({ resourceTypes: RESOURCE_TYPES }),
  ]);
  // The Oracle panel rests on RDS only: its own banner names those gaps where the figures are.
  const rds = {
    ...coverage,
    gaps: coverage.gaps.filter((gap) => gap.resourceType === "rds-db-instance"),
    excluded: coverage.excluded.filter((gap) => gap.resourceType === "rds-db-instance"),
  };
  return (
    <>
      <PageHeader
        title="Overview"
        description="Licence-relevant totals and trends across every connected AWS account."
      />
      {overview.hasData && <CoverageBanner coverage={coverage} id="coverage-banner-overview" className="mb-6" />}
      {overview.hasData ? (
        <OverviewDashboard
          overview={overview}
          oracleNotice={
            <CoverageBanner
              coverage={{ ...rds, complete: rds.gaps.length === 0 }}
              id="coverage-banner-oracle"
              className="mb-3"
            />
          }
        />
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
          Totals, vCPU peaks, Oracle processor counts, dedicated host cores and reserved instance coverage appear here
          after the first collection.{" "}
          {user.role === "admin"
            ? "Connect an AWS account to start."
            : "An administrator needs to connect an AWS account first."}
        </EmptyState>
      )}
    </>
  );
}
