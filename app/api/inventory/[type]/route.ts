import { inventoryRoute } from "@/lib/http/inventory-route";
import { listInventory, parseInventoryQuery } from "@/lib/inventory/query";

export const dynamic = "force-dynamic";

// One filtered, sorted page of an inventory table (any registered resource type, by its slug),
// after `cursor` when the table pages forward (keyset), else by `page`. Viewers and admins.
export const GET = inventoryRoute(async ({ request, type }) => {
  const params = new URL(request.url).searchParams;
  const query = parseInventoryQuery(type, params);
  const page = await listInventory(type, query, params.get("cursor")?.trim() || null);
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
});
