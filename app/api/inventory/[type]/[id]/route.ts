import { authorizeRequest } from "@/lib/auth";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { getInventoryItem, isInventoryType } from "@/lib/inventory/query";

export const dynamic = "force-dynamic";

// One inventory resource with tags, raw API JSON and change history, for the detail drawer. Viewers and admins.
export async function GET(request: Request, { params }: { params: Promise<{ type: string; id: string }> }) {
  const auth = await authorizeRequest(request, "viewer");
  if (auth.response) return auth.response;
  const { type, id } = await params;
  if (!isInventoryType(type)) return jsonError(404, "notfound", "Unknown inventory type");
  try {
    const item = await getInventoryItem(type, id);
    if (!item) return jsonError(404, "notfound", "Resource not found");
    return Response.json(item, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
