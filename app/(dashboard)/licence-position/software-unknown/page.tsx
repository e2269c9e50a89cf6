import type { Metadata } from "next";
import Link from "next/link";
import { REASON_LABELS, SoftwareUnknownTable } from "@/components/licence-position/software-unknown-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { getLicencePosition } from "@/lib/inventory/licence-position";

export const metadata: Metadata = { title: "Software unknown" };
export const dynamic = "force-dynamic";

// The instances the licence figures cannot speak for, with why. Viewers and admins.
export default async function SoftwareUnknownPage() {
  await requireUser();
  const view = await getLicencePosition();
  return (
    <>
      <PageHeader
        title="Software unknown"
        description={`Instances whose installed software Cirrus cannot see: not SSM managed nodes, agents not online, inventory older than ${view.softwareStaleDays} days, or SSM Inventory not read in their account and region. Licence figures leave them out and count them here.`}
        actions={
          <Link href="/licence-position" className="text-sm font-medium text-brand-700 hover:underline">
            ← Licence position
          </Link>
        }
      />
      {view.softwareUnknown.length === 0 ? (
        <EmptyState title="Every instance reports its software">No instance is missing from the figures.</EmptyState>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-700" data-testid="software-unknown-counts">
            <span className="font-semibold tabular-nums">{view.softwareUnknown.length}</span>{" "}
            {view.softwareUnknown.length === 1 ? "instance" : "instances"}:{" "}
            {Object.entries(REASON_LABELS)
              .map(
                ([reason, label]) =>
                  [label, view.softwareUnknown.filter((row) => row.reason === reason).length] as const,
              )
              .filter(([, count]) => count > 0)
              .map(([label, count]) => `${label}: ${count}`)
              .join(" · ")}
          </p>
          <SoftwareUnknownTable rows={view.softwareUnknown} />
        </div>
      )}
    </>
  );
}
