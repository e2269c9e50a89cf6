import { authorizeRequest } from "@/lib/auth";
import { errorResponse } from "@/lib/http/responses";
import { listWorkers } from "@/lib/workers";

export const dynamic = "force-dynamic";

// The workers taking collection jobs and the queue's depth, as the Workers page shows them (it
// polls here). Admins only (session or admin API token): hosts and pids are deployment detail.
export async function GET(request: Request) {
  const auth = await authorizeRequest(request, "admin");
  if (auth.response) return auth.response;
  try {
    return Response.json(await listWorkers(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
