import { authorizeRequest } from "@/lib/auth";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { apiQueryOf, parseApiQuery } from "@/lib/inventory/api/parse-api-query";
import { isInventoryType } from "@/lib/inventory/query";
import { listInventoryPage } from "@/lib/inventory/query/list-inventory-cursor";

export const dynamic = "force-dynamic";

// REST API v1: one keyset page of an inventory table with the UI's filters and sort. Viewers, admins and their API tokens.
export async function GET(request: Request, { params }: { params: Promise<{ type: string }> }) {
  const auth = await authorizeRequest(request, "viewer");
  if (auth.response) return auth.response;
  const { type } = await params;
  if (!isInventoryType(type)) return jsonError(404, "notfound", "Unknown inventory type");
  try {
    const { query, limit, cursor } = parseApiQuery(type, new URL(request.url).searchParams);
    const page = await listInventoryPage(type, query, { cursor, limit });
    return Response.json({ data: page.rows, nextCursor: page.nextCursor, limit, query: apiQueryOf(query) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
