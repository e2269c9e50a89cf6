import { authorizeRequest } from "@/lib/auth";
import { getRunDetail } from "@/lib/collector";
import { errorResponse, jsonError } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// One run with its per-scope results, polled by the run page while the run goes on. Viewers and admins.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRequest(request, "viewer");
  if (auth.response) return auth.response;
  try {
    const run = await getRunDetail((await params).id, { redact: auth.user.role !== "admin" });
    if (!run) return jsonError(404, "notfound", "Run not found");
    return Response.json(run, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
