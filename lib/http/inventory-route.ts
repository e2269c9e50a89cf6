import { authorizeRequest, type CurrentUser } from "@/lib/auth";
import { isInventoryType, type InventoryType } from "@/lib/inventory/query";
import { errorResponse, jsonError } from "./responses";

type Params<P> = { params: Promise<P & { type: string }> };
type Handler<P> = (input: { request: Request; type: InventoryType; params: P; user: CurrentUser }) => Promise<Response>;

// The read-only inventory routes (UI tables, drawer, REST API v1, exports) all start the same
// way: a viewer or admin (session or API token), a known type, errors as JSON.
export function inventoryRoute<P extends object = object>(handler: Handler<P>) {
  return async (request: Request, { params }: Params<P>): Promise<Response> => {
    const auth = await authorizeRequest(request, "viewer");
    if (auth.response) return auth.response;
    const { type, ...rest } = await params;
    if (!isInventoryType(type)) return jsonError(404, "notfound", "Unknown inventory type");
    try {
      return await handler({ request, type, params: rest as unknown as P, user: auth.user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
