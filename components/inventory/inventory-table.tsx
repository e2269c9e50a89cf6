import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { ColumnDef } from "@/lib/inventory/query/columns";
import type { InventoryRow } from "@/lib/inventory/query/types";
import { cellText, staleTitle, visibleText } from "./format";
import { VcpuCell } from "./vcpu-source";

type Props = {
  noun: string;
  rows: InventoryRow[];
  columns: ColumnDef[];
  sort: string;
  order: "asc" | "desc";
  onSort(sort: string): void;
  onOpen(row: InventoryRow): void;
};

// The table scrolls inside this box, both ways, so the page itself never gets wider than the
// window; the header row and the first column (the ID, with the row's status) stay in view.
// `isolate` keeps the sticky cells' z-index inside the box, under the toolbar's menus.
const SCROLL_BOX =
  "isolate max-h-[max(20rem,calc(100dvh-16rem))] overflow-auto rounded-lg border border-slate-200 bg-white";
const TH =
  "sticky top-0 z-20 whitespace-nowrap border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const FIRST = "sticky left-0 border-r border-slate-200";
const ROW_LINE = "border-t border-slate-100";
const TD = "whitespace-nowrap px-3 py-2 text-slate-800";

// Pure renderer of one page: headers sort on click (server-side), a row opens the drawer.
export function InventoryTable({ noun, rows, columns, sort, order, onSort, onOpen }: Props) {
  return (
    <div className={SCROLL_BOX} role="region" aria-label={`${noun} table`} data-testid="inventory-scroll">
      <table className="min-w-full border-separate border-spacing-0 text-sm" data-testid="inventory-table">
        <thead>
          <tr>
            {columns.map((column, index) => {
              const active = column.sort !== undefined && column.sort === sort;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={index === 0 ? `${TH} ${FIRST} z-30` : TH}
                  aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined}
                >
                  {column.sort ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                      onClick={() => onSort(column.sort!)}
                    >
                      {column.label}
                      <span aria-hidden="true">{active ? (order === "asc" ? "▲" : "▼") : ""}</span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid="inventory-row"
              tabIndex={0}
              className="group cursor-pointer hover:bg-slate-50 focus:bg-brand-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-solid focus-visible:outline-brand-600"
              onClick={() => onOpen(row)}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  onOpen(row);
                }
              }}
            >
              {columns.map((column, index) => (
                <td
                  key={column.id}
                  className={
                    index === 0
                      ? `${TD} ${FIRST} ${ROW_LINE} z-10 bg-white group-hover:bg-slate-50 group-focus:bg-brand-50 group-focus-visible:shadow-[inset_3px_0_0_var(--color-brand-600)]`
                      : `${TD} ${ROW_LINE} ${column.kind === "number" ? "text-right tabular-nums" : ""}`
                  }
                >
                  {index === 0 ? (
                    <span className="flex items-center gap-2">
                      <span className="font-mono text-xs">{cellContent(row, column)}</span>
                      <RowStatus row={row} />
                    </span>
                  ) : (
                    cellContent(row, column)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellContent(row: InventoryRow, column: ColumnDef): ReactNode {
  if (column.id === "account" && row.accountAlias) {
    return (
      <span className="flex flex-col leading-tight">
        <span>{visibleText(row.accountAlias)}</span>
        <span className="font-mono text-xs text-slate-500">{row.accountId}</span>
      </span>
    );
  }
  if (column.id === "vcpus") return <VcpuCell text={cellText(row, column)} source={row.fields.vcpuSource} />;
  return cellText(row, column);
}

// Stale and Removed beside the ID, where the eye starts, not in a last column off-screen.
function RowStatus({ row }: { row: InventoryRow }) {
  if (!row.stale && !row.removedAt) return null;
  return (
    <span className="flex gap-1" data-testid="row-status">
      {row.stale && (
        <span title={staleTitle(row.stale)} data-testid="stale-badge">
          <Badge tone="amber">Stale</Badge>
          <span className="sr-only">{staleTitle(row.stale)}</span>
        </span>
      )}
      {row.removedAt && (
        <span data-testid="removed-badge">
          <Badge tone="red">{row.removedReason === "out-of-scope" ? "Out of scope" : "Removed"}</Badge>
        </span>
      )}
    </span>
  );
}

// What the table will look like while its first page loads: the headers and grey bars.
export function TableSkeleton({ columns }: { columns: ColumnDef[] }) {
  return (
    <div
      className="overflow-hidden rounded-lg border border-slate-200 bg-white"
      aria-busy="true"
      data-testid="inventory-skeleton"
    >
      <span className="sr-only" role="status">
        Loading the table
      </span>
      <table className="min-w-full text-sm" aria-hidden="true">
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.id}
                className="whitespace-nowrap border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: 8 }, (_, row) => (
            <tr key={row}>
              {columns.map((column, index) => (
                <td key={column.id} className="border-t border-slate-100 px-3 py-3">
                  <div
                    className={`h-3 animate-pulse rounded bg-slate-200 ${index === 0 ? "w-32" : (row + index) % 3 === 0 ? "w-12" : "w-20"}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
