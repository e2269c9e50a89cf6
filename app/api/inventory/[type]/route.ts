import { authorizeRequest } from "@/lib/auth";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { isInventoryType, listInventory, parseInventoryQuery } from "@/lib/inventory/query";

export const dynamic = "force-dynamic";

// One filtered, sorted page of an inventory table (instances, hosts, reserved-instances, databases). Viewers and admins.
export async function GET(request: Request, { params }: { params: Promise<{ type: string }> }) {
  const auth = await authorizeRequest(request, "viewer");
  if (auth.response) return auth.response;
  const { type } = await params;
  if (!isInventoryType(type)) return jsonError(404, "notfound", "Unknown inventory type");
  try {
    const query = parseInventoryQuery(type, new URL(request.url).searchParams);
    return Response.json(await listInventory(type, query), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
