import { viewerRoute } from "@/lib/http/viewer-route";
import { getSoftware, parseLineFilter } from "@/lib/inventory/licence-position";

export const dynamic = "force-dynamic";

// REST API v1: recognised products per instance with their evidence, filtered by product, edition
// and account. Viewers, admins and their tokens.
export const GET = viewerRoute(async ({ request }) => {
  const filter = parseLineFilter(new URL(request.url).searchParams);
  const view = await getSoftware({ filter });
  return Response.json(
    { generatedAt: view.generatedAt, filter, data: view.rows },
    { headers: { "Cache-Control": "no-store" } },
  );
});
