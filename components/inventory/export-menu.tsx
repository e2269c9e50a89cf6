"use client";

import type { InventoryType } from "@/lib/inventory/query/types";
import { Popover } from "./popover";

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
    <Popover label="Export" align="right" panelClassName="w-56 py-1" data-testid="export-menu">
      {(close) => (
        <ul aria-label="Export formats">
          {FORMATS.map(({ format, label, hint }) => (
            <li key={format}>
              <a
                href={href(format)}
                download
                onClick={close}
                className="flex flex-col px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50 focus-visible:bg-slate-100 focus-visible:outline-none"
              >
                <span className="font-medium">{label}</span>
                <span className="text-xs text-slate-500">{hint}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Popover>
  );
}
