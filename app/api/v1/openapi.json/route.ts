import { authorizeRequest } from "@/lib/auth";
import { buildOpenApiDocument } from "@/lib/inventory/api/openapi";

export const dynamic = "force-dynamic";

// The OpenAPI 3.1 description of /api/v1. Viewers, admins and their API tokens: it holds no
// data, but every route is deny-by-default (SECURITY.md 5) and API clients have a token anyway.
export async function GET(request: Request) {
  const auth = await authorizeRequest(request, "viewer");
  if (auth.response) return auth.response;
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "no-store" } });
}
