import Link from "next/link";
import type { LicencePositionView as View } from "@/lib/inventory/licence-position/get-licence-position";
import { EmptyState } from "@/components/ui/empty-state";
import { PositionByAccountTable } from "./position-by-account-table";
import { PositionSummaryTable } from "./position-summary-table";

// The summary: the software-unknown count first (what the figures cannot hold), then the
// requirement per product and metric, then BYOL by account.
export function LicencePositionView({ view }: { view: View }) {
  const unknown = view.softwareUnknown.length;
  return (
    <div className="space-y-6">
      <section
        aria-labelledby="software-unknown-heading"
        className={`rounded-md border px-3 py-2 text-sm ${unknown ? "border-amber-300 bg-amber-50 text-amber-900" : "border-slate-200 bg-white text-slate-700"}`}
        data-testid="software-unknown-count"
      >
        <h2 id="software-unknown-heading" className="font-semibold">
          Software unknown: {unknown} {unknown === 1 ? "instance" : "instances"}
        </h2>
        <p>
          {unknown
            ? "Their installed software is not in these figures (not counted as none). "
            : "No collected instance is missing from these figures. "}
          {unknown > 0 && (
            <Link href="/licence-position/software-unknown" className="font-medium underline">
              List the {unknown === 1 ? "instance" : "instances"} with the reason
            </Link>
          )}
        </p>
      </section>
      {view.groups.length === 0 ? (
        <EmptyState title="No licence requirement found">
          No collected instance, dedicated host or database carries a product the licence rules count. Figures appear
          once a connection&apos;s run has read the instances and their software (SSM Inventory); the{" "}
          <Link href="/software" className="font-medium text-brand-700 hover:underline">
            Software page
          </Link>{" "}
          lists what was recognised.
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="by-product-heading" className="space-y-2">
            <h2 id="by-product-heading" className="text-base font-semibold text-slate-900">
              By product and metric
            </h2>
            <PositionSummaryTable groups={view.groups} />
          </section>
          <section aria-labelledby="by-account-heading" className="space-y-2">
            <h2 id="by-account-heading" className="text-base font-semibold text-slate-900">
              BYOL by account
            </h2>
            <PositionByAccountTable groups={view.groups} />
          </section>
        </>
      )}
    </div>
  );
}
