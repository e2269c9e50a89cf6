import { inventoryRoute } from "@/lib/http/inventory-route";
import { listInventory, parseInventoryQuery } from "@/lib/inventory/query";

export const dynamic = "force-dynamic";

// One filtered, sorted page of an inventory table (any registered resource type, by its slug). Viewers and admins.
export const GET = inventoryRoute(async ({ request, type }) => {
  const query = parseInventoryQuery(type, new URL(request.url).searchParams);
  return Response.json(await listInventory(type, query), { headers: { "Cache-Control": "no-store" } });
});
