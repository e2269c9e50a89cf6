import { authorizeRequest } from "@/lib/auth";
import { exportAuditEvents, parseAuditFilter } from "@/lib/audit";
import { clientIpFrom } from "@/lib/http/client-ip";
import { errorResponse, jsonError } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// The audit log as CSV, filtered as the page is (?actor=&action=&from=&to=&q=). Admins only
// (session or admin API token); the export is itself an audit event.
export async function GET(request: Request) {
  const auth = await authorizeRequest(request, "admin");
  if (auth.response) return auth.response;
  const { filter, invalid } = parseAuditFilter(new URL(request.url).searchParams);
  if (invalid.length) {
    return jsonError(400, "validation", "Invalid date", {
      fieldErrors: Object.fromEntries(invalid.map((key) => [key, ["A day as YYYY-MM-DD"]])),
    });
  }
  try {
    const file = exportAuditEvents({
      filter,
      actor: { id: auth.user.id, email: auth.user.email },
      ip: clientIpFrom(request.headers),
    });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
