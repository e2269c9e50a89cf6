import { Download } from "lucide-react";
import type { Metadata } from "next";
import { AuditLogFilters } from "@/components/audit/audit-log-filters";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth";
import { auditFilterQuery, isFiltered, listAuditEvents, listAuditFacets, parseAuditFilter } from "@/lib/audit";
import { parsePageParam } from "@/lib/http/page-param";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const params = await searchParams;
  const { filter, invalid } = parseAuditFilter(params);
  const [result, facets] = await Promise.all([
    listAuditEvents({ page: parsePageParam(params.page), filter }),
    listAuditFacets(),
  ]);
  const query = auditFilterQuery(filter).toString();
  const exportHref = `/api/audit-log/export${query ? `?${query}` : ""}`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Append-only record of sign-ins, user and role changes, exports and other administrative events (UTC)."
        actions={
          <a
            href={exportHref}
            download
            data-testid="audit-export"
            className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            <Download aria-hidden className="size-4" />
            Export CSV{isFiltered(filter) ? " (filtered)" : ""}
          </a>
        }
      />
      {invalid.length > 0 && (
        <Alert tone="error" className="mb-4">
          Ignored {invalid.join(" and ")}: not a day as YYYY-MM-DD.
        </Alert>
      )}
      <AuditLogFilters key={query} filter={filter} actors={facets.actors} actions={facets.actions} />
      <AuditLogTable {...result} query={query} filtered={isFiltered(filter)} />
    </>
  );
}
