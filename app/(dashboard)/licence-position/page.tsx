import type { Metadata } from "next";
import Link from "next/link";
import { CoverageBanner } from "@/components/coverage/coverage-banner";
import { LicencePositionView } from "@/components/licence-position/licence-position-view";
import { LicenceLinesView } from "@/components/licence-position/licence-lines-view";
import { LicenceTrendSection } from "@/components/licence-position/licence-trend-section";
import { linesTitle } from "@/components/licence-position/lines-title";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { ValidationError } from "@/lib/errors";
import {
  getLicencePosition,
  getLicencePositionCoverage,
  getLicenceTrend,
  hasLineFilter,
  lastDays,
  lineFilterQuery,
  parseLineFilter,
  TREND_PERIOD_DAYS,
  trendDays,
  type LineFilter,
} from "@/lib/inventory/licence-position";

export const metadata: Metadata = { title: "Licence position" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// What the licence rules require per product and metric, by basis and account; with filters in the
// URL, the lines behind one figure and their arithmetic. The summary ends with the figures' trend
// and peaks over ?days= (7, 30 or 90). Viewers and admins.
export default async function LicencePositionPage({ searchParams }: Props) {
  await requireUser();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams))
    for (const v of [value ?? []].flat()) params.append(key, v);
  let filter: LineFilter = {};
  let invalid = false;
  try {
    filter = parseLineFilter(params);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    invalid = true;
  }
  const drilled = hasLineFilter(filter);
  const days = trendDays(params.get("days") ?? undefined);
  const [view, coverage, trend] = await Promise.all([
    getLicencePosition({ filter }),
    getLicencePositionCoverage(filter),
    drilled ? null : getLicenceTrend(lastDays(days)),
  ]);
  return (
    <>
      <PageHeader
        title={drilled ? linesTitle(filter) : "Licence position"}
        description={
          drilled
            ? "The requirement lines behind this figure of the licence position, each with the rule's arithmetic and the facts it rests on."
            : "What the licence rules require for the current inventory, per product and metric: your own licences (BYOL) apart from licence-included and free editions. Every figure opens the rows and arithmetic behind it."
        }
        actions={
          drilled ? (
            <Link href="/licence-position" className="text-sm font-medium text-brand-700 hover:underline">
              ← Licence position summary
            </Link>
          ) : undefined
        }
      />
      {invalid && (
        <Alert tone="error" className="mb-4">
          The filters in this link are not valid; the whole position is shown.
        </Alert>
      )}
      <CoverageBanner coverage={coverage} id="coverage-banner-licence-position" className="mb-4" />
      {drilled ? <LicenceLinesView view={view} query={lineFilterQuery(filter)} /> : <LicencePositionView view={view} />}
      {trend && <LicenceTrendSection trend={trend} days={days} choices={TREND_PERIOD_DAYS} />}
    </>
  );
}
