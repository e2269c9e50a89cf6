import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ColumnDef } from "@/lib/inventory/query/columns";
import type { InventoryRow } from "@/lib/inventory/query/types";
import { cellText, staleTitle, visibleText } from "./format";
import { VcpuCell } from "./vcpu-source";

type Props = {
  rows: InventoryRow[];
  columns: ColumnDef[];
  sort: string;
  order: "asc" | "desc";
  onSort(sort: string): void;
  onOpen(row: InventoryRow): void;
};

// Pure renderer of one page: headers sort on click (server-side), a row opens the drawer.
export function InventoryTable({ rows, columns, sort, order, onSort, onOpen }: Props) {
  return (
    <Table data-testid="inventory-table">
      <thead>
        <tr>
          {columns.map((column) => {
            const active = column.sort !== undefined && column.sort === sort;
            return (
              <Th key={column.id} aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined}>
                {column.sort ? (
                  <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-slate-900" onClick={() => onSort(column.sort!)}>
                    {column.label}
                    <span aria-hidden="true">{active ? (order === "asc" ? "▲" : "▼") : ""}</span>
                  </button>
                ) : (
                  column.label
                )}
              </Th>
            );
          })}
          <Th>
            <span className="sr-only">Status</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr
            key={row.id}
            data-testid="inventory-row"
            tabIndex={0}
            className="cursor-pointer hover:bg-slate-50 focus:bg-brand-50 focus:outline-none"
            onClick={() => onOpen(row)}
            onKeyDown={(event) => {
              if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                onOpen(row);
              }
            }}
          >
            {columns.map((column, index) => (
              <Td key={column.id} className={column.kind === "number" ? "text-right tabular-nums" : index === 0 ? "font-mono text-xs" : undefined}>
                {column.id === "account" && row.accountAlias ? (
                  <span className="flex flex-col leading-tight">
                    <span>{visibleText(row.accountAlias)}</span>
                    <span className="font-mono text-xs text-slate-500">{row.accountId}</span>
                  </span>
                ) : column.id === "vcpus" ? (
                  <VcpuCell text={cellText(row, column)} source={row.fields.vcpuSource} />
                ) : (
                  cellText(row, column)
                )}
              </Td>
            ))}
            <Td>
              <span className="flex gap-1">
                {row.stale && (
                  <span title={staleTitle(row.stale)} data-testid="stale-badge">
                    <Badge tone="amber">Stale</Badge>
                    <span className="sr-only">{staleTitle(row.stale)}</span>
                  </span>
                )}
                {row.removedAt && <Badge tone="red">Removed</Badge>}
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
