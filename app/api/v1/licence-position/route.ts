import { viewerRoute } from "@/lib/http/viewer-route";
import { getLicencePosition, getLicencePositionCoverage, parseLineFilter } from "@/lib/inventory/licence-position";

export const dynamic = "force-dynamic";

// REST API v1: the licence position summed per product + edition + metric (by basis and account),
// the instances whose software is unknown, and the coverage gaps behind it. Viewers, admins and their tokens.
export const GET = viewerRoute(async ({ request }) => {
  const filter = parseLineFilter(new URL(request.url).searchParams);
  const [view, coverage] = await Promise.all([getLicencePosition({ filter }), getLicencePositionCoverage(filter)]);
  return Response.json(
    {
      generatedAt: view.generatedAt,
      filter,
      data: view.groups,
      softwareUnknown: {
        count: view.softwareUnknown.length,
        staleDays: view.softwareStaleDays,
        rows: view.softwareUnknown,
      },
      coverage,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
