import { authorizeRequest, type CurrentUser } from "@/lib/auth";
import { errorResponse } from "./responses";

type Handler = (input: { request: Request; user: CurrentUser }) => Promise<Response>;

// Read-only routes outside the per-type inventory ones (licence position, software): a viewer or
// admin (session or API token) first, errors as the one JSON shape.
export function viewerRoute(handler: Handler) {
  return async (request: Request): Promise<Response> => {
    const auth = await authorizeRequest(request, "viewer");
    if (auth.response) return auth.response;
    try {
      return await handler({ request, user: auth.user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
