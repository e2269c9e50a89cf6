import type { Metadata } from "next";
import Link from "next/link";
import { CoverageStatusBadge, CoverageTable } from "@/components/coverage/coverage-table";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { COVERAGE_STATUSES, getCoverage } from "@/lib/coverage";

export const metadata: Metadata = { title: "Coverage" };
export const dynamic = "force-dynamic";

// Rows rendered at most; the counts above the table are over every scope.
const MAX_ROWS = 2000;

// Which account x region x resource type each figure rests on: collected, stale, denied, never
// collected, or excluded by an admin, across all connections (?show=gaps for the gaps only).
// Viewers and admins; viewers get codes and actions, not AWS's messages; admins can exclude.
export default async function CoveragePage({
  searchParams,
}: {
  searchParams: Promise<{ show?: string | string[]; included?: string | string[] }>;
}) {
  const user = await requireUser();
  const isAdmin = user.role === "admin";
  const { show, included } = await searchParams;
  const gapsOnly = show === "gaps";
  const cells = await getCoverage({ redact: !isAdmin });
  const counts = Object.fromEntries(
    COVERAGE_STATUSES.map((status) => [status, cells.filter((cell) => cell.status === status).length]),
  );
  const rank = (status: string) => (status === "collected" ? 2 : status === "excluded" ? 1 : 0);
  const shown = cells
    .filter((cell) => !gapsOnly || cell.status !== "collected")
    .sort((a, b) => rank(a.status) - rank(b.status));
  return (
    <>
      <PageHeader
        title="Coverage"
        description="Every account x region x resource type the connections cover, and whether the figures could read it."
      />
      {/* A fixed sentence: text from the URL is never shown (a crafted link could say anything). */}
      {included === "1" && (
        <Alert tone="success" className="mb-4">
          Included again: the scope is planned from the next run of its connection.
        </Alert>
      )}
      {cells.length === 0 ? (
        <EmptyState title="Nothing collected yet">Coverage appears after the first run of a connection.</EmptyState>
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="coverage-counts">
            {COVERAGE_STATUSES.map((status) => (
              <span key={status} className="inline-flex items-center gap-1">
                <CoverageStatusBadge status={status} /> {counts[status]}
              </span>
            ))}
            <span className="ml-auto">
              {gapsOnly ? (
                <Link href="/coverage" className="text-brand-700 hover:underline">
                  Show every scope
                </Link>
              ) : (
                <Link href="/coverage?show=gaps" className="text-brand-700 hover:underline">
                  Show gaps only
                </Link>
              )}
            </span>
          </div>
          <CoverageTable cells={shown.slice(0, MAX_ROWS)} isAdmin={isAdmin} />
          {shown.length > MAX_ROWS && (
            <p className="text-sm text-slate-600">
              Showing the first {MAX_ROWS} of {shown.length} scopes, gaps first.
            </p>
          )}
        </div>
      )}
    </>
  );
}
