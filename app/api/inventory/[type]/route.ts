import { inventoryRoute } from "@/lib/http/inventory-route";
import { listInventory, listInventoryUncounted, parseInventoryQuery } from "@/lib/inventory/query";

export const dynamic = "force-dynamic";

// One filtered, sorted page of an inventory table (any registered resource type, by its slug),
// after `cursor` when the table pages forward (keyset), else by `page`. Viewers and admins.
// With count=false, total and pageCount are null: the table's Next already knows them.
export const GET = inventoryRoute(async ({ request, type }) => {
  const params = new URL(request.url).searchParams;
  const query = parseInventoryQuery(type, params);
  const cursor = params.get("cursor")?.trim() || null;
  const page =
    params.get("count") === "false"
      ? await listInventoryUncounted(type, query, cursor)
      : await listInventory(type, query, cursor);
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
});
