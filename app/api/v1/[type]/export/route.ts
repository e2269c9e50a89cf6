import { clientIpFrom } from "@/lib/http/client-ip";
import { inventoryRoute } from "@/lib/http/inventory-route";
import { jsonError } from "@/lib/http/responses";
import { parseApiQuery } from "@/lib/inventory/api/parse-api-query";
import { EXPORT_FORMATS, exportInventory, type ExportFormat } from "@/lib/inventory/export";

export const dynamic = "force-dynamic";

// REST API v1: every row of a filtered, sorted inventory view as a CSV, XLSX or JSON download, audited. Viewers, admins and their API tokens.
export const GET = inventoryRoute(async ({ request, type, user }) => {
  const searchParams = new URL(request.url).searchParams;
  const format = (searchParams.get("format") ?? "csv").trim().toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return jsonError(400, "validation", "Invalid export format", {
      fieldErrors: { format: [`One of: ${EXPORT_FORMATS.join(", ")}`] },
    });
  }
  // An export is every row: paging parameters copied from a list URL do not apply.
  const filters = new URLSearchParams(searchParams);
  for (const key of ["limit", "cursor"]) filters.delete(key);
  const { query } = parseApiQuery(type, filters);
  const file = await exportInventory({
    type,
    query,
    format: format as ExportFormat,
    actor: { id: user.id, email: user.email },
    ip: clientIpFrom(request.headers),
  });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      // Reverse proxies should pass the file through as it is written, not buffer it whole.
      "X-Accel-Buffering": "no",
    },
  });
});
