import { viewerRoute } from "@/lib/http/viewer-route";
import { getLicenceTrend, parseTrendPeriod } from "@/lib/inventory/licence-position";

export const dynamic = "force-dynamic";

// REST API v1: the licence figures per product + edition + metric over a period (?from=&to=, ISO
// dates; the last 30 days by default) from the run snapshots, with each group's peak and the IBM
// PVU peak's arithmetic. Viewers, admins and their tokens.
export const GET = viewerRoute(async ({ request }) => {
  const period = parseTrendPeriod(new URL(request.url).searchParams);
  const trend = await getLicenceTrend(period);
  return Response.json(
    { from: trend.from, to: trend.to, snapshots: trend.snapshots, gaps: trend.gaps, data: trend.groups },
    { headers: { "Cache-Control": "no-store" } },
  );
});
