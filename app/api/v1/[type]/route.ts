import { inventoryRoute } from "@/lib/http/inventory-route";
import { coverageOf } from "@/lib/inventory/api/coverage";
import { apiQueryOf, parseApiQuery } from "@/lib/inventory/api/parse-api-query";
import { listInventoryPage } from "@/lib/inventory/query/list-inventory-cursor";

export const dynamic = "force-dynamic";

// REST API v1: one keyset page of an inventory table with the UI's filters and sort, and the
// coverage gaps behind it. Viewers, admins and their API tokens.
export const GET = inventoryRoute(async ({ request, type }) => {
  const { query, limit, cursor } = parseApiQuery(type, new URL(request.url).searchParams);
  const [page, coverage] = await Promise.all([
    listInventoryPage(type, query, { cursor, limit }),
    coverageOf(type, query),
  ]);
  return Response.json(
    { data: page.rows, nextCursor: page.nextCursor, limit, query: apiQueryOf(query), coverage },
    { headers: { "Cache-Control": "no-store" } },
  );
});
