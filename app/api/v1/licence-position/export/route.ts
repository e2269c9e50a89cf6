import { clientIpFrom } from "@/lib/http/client-ip";
import { jsonError } from "@/lib/http/responses";
import { viewerRoute } from "@/lib/http/viewer-route";
import {
  exportLicenceLines,
  LINE_EXPORT_FORMATS,
  parseLineFilter,
  type LineExportFormat,
} from "@/lib/inventory/licence-position";

export const dynamic = "force-dynamic";

// REST API v1: the requirement lines of a licence position view as a CSV, XLSX or JSON download, audited. Viewers, admins and their tokens.
export const GET = viewerRoute(async ({ request, user }) => {
  const params = new URL(request.url).searchParams;
  const format = (params.get("format") ?? "csv").trim().toLowerCase();
  if (!(LINE_EXPORT_FORMATS as readonly string[]).includes(format))
    return jsonError(400, "validation", "Invalid export format", {
      fieldErrors: { format: [`One of: ${LINE_EXPORT_FORMATS.join(", ")}`] },
    });
  const file = await exportLicenceLines({
    filter: parseLineFilter(params),
    format: format as LineExportFormat,
    actor: { id: user.id, email: user.email },
    ip: clientIpFrom(request.headers),
  });
  return new Response(file.body as BodyInit, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
