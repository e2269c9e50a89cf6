"use client";

import type { InventoryType } from "@/lib/inventory/query/types";

const FORMATS = [
  { format: "csv", label: "CSV", hint: "Excel, ITAM imports" },
  { format: "xlsx", label: "XLSX", hint: "Excel workbook, typed cells" },
  { format: "json", label: "JSON", hint: "Scripts and tools" },
] as const;

type Props = { type: InventoryType; search: string };

// Downloads every row of the current view (filters and sort from the URL, not just this page)
// from the export API; the browser sends the session cookie, so a viewer can export too. The
// menu closes once a format is chosen: the download starts without leaving the page.
export function ExportMenu({ type, search }: Props) {
  const params = new URLSearchParams(search);
  // Exports hold all rows: the table's page and page size do not apply.
  params.delete("page");
  params.delete("pageSize");
  const href = (format: string) => {
    const query = new URLSearchParams(params);
    query.set("format", format);
    return `/api/v1/${type}/export?${query}`;
  };
  return (
    <details className="relative" data-testid="export-menu">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">Export</summary>
      <ul className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg" aria-label="Export formats">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format}>
            <a href={href(format)} download onClick={(event) => event.currentTarget.closest("details")?.removeAttribute("open")} className="flex flex-col px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50">
              <span className="font-medium">{label}</span>
              <span className="text-xs text-slate-500">{hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
