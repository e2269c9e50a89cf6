import { viewerRoute } from "@/lib/http/viewer-route";
import { getLicencePosition, getLicencePositionCoverage, parseLineFilter } from "@/lib/inventory/licence-position";

export const dynamic = "force-dynamic";

// REST API v1: the requirement lines behind a licence position figure, each with its rule and
// arithmetic, filtered by product, edition, metric, basis and account. Viewers, admins and their tokens.
export const GET = viewerRoute(async ({ request }) => {
  const filter = parseLineFilter(new URL(request.url).searchParams);
  const [view, coverage] = await Promise.all([getLicencePosition({ filter }), getLicencePositionCoverage(filter)]);
  return Response.json(
    { generatedAt: view.generatedAt, filter, data: view.lines, coverage },
    { headers: { "Cache-Control": "no-store" } },
  );
});
