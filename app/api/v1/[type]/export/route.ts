import { authorizeRequest } from "@/lib/auth";
import { clientIpFrom } from "@/lib/http/client-ip";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { parseApiQuery } from "@/lib/inventory/api/parse-api-query";
import { EXPORT_FORMATS, exportInventory, type ExportFormat } from "@/lib/inventory/export";
import { isInventoryType } from "@/lib/inventory/query";

export const dynamic = "force-dynamic";

// REST API v1: every row of a filtered, sorted inventory view as a CSV, XLSX or JSON download, audited. Viewers, admins and their API tokens.
export async function GET(request: Request, { params }: { params: Promise<{ type: string }> }) {
  const auth = await authorizeRequest(request, "viewer");
  if (auth.response) return auth.response;
  const { type } = await params;
  if (!isInventoryType(type)) return jsonError(404, "notfound", "Unknown inventory type");
  const searchParams = new URL(request.url).searchParams;
  const format = (searchParams.get("format") ?? "csv").trim().toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return jsonError(400, "validation", "Invalid export format", { fieldErrors: { format: [`One of: ${EXPORT_FORMATS.join(", ")}`] } });
  }
  try {
    // An export is every row: paging parameters copied from a list URL do not apply.
    const filters = new URLSearchParams(searchParams);
    for (const key of ["limit", "cursor"]) filters.delete(key);
    const { query } = parseApiQuery(type, filters);
    const actor = { id: auth.user.id, email: auth.user.email };
    const file = await exportInventory({ type, query, format: format as ExportFormat, actor, ip: clientIpFrom(request.headers) });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        // Reverse proxies should pass the file through as it is written, not buffer it whole.
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
