import { inventoryRoute } from "@/lib/http/inventory-route";
import { jsonError } from "@/lib/http/responses";
import { getInventoryItem } from "@/lib/inventory/query";
import { inventoryItemIdSchema } from "@/lib/inventory/query/schemas";

export const dynamic = "force-dynamic";

// One inventory resource with tags, raw API JSON and change history, for the detail drawer. Viewers and admins.
export const GET = inventoryRoute<{ id: string }>(async ({ type, params }) => {
  const item = inventoryItemIdSchema.safeParse(params.id).success ? await getInventoryItem(type, params.id) : null;
  if (!item) return jsonError(404, "notfound", "Resource not found");
  return Response.json(item, { headers: { "Cache-Control": "no-store" } });
});
