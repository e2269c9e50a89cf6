"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState, useTransition } from "react";
import { saveColumnsAction } from "@/app/(dashboard)/inventory/actions";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { COLUMNS } from "@/lib/inventory/query/columns";
import type { FacetValues, InventoryRow, InventoryType } from "@/lib/inventory/query/types";
import { ColumnChooser } from "./column-chooser";
import { ExportMenu } from "./export-menu";
import { InventoryDetailDrawer } from "./inventory-detail-drawer";
import { InventoryFilters } from "./inventory-filters";
import { InventoryPagination } from "./inventory-pagination";
import { InventoryTable } from "./inventory-table";
import { useInventoryList } from "./use-inventory";

// UI-only URL parameters: the drawer's row and the columns shown. The rest is the API query.
const UI_PARAMS = ["item", "columns"];

type Props = { type: InventoryType; facets: FacetValues; savedColumns: string[]; noun: string };

// Data wrapper of an inventory table: the URL is the state (filters, sort, page, columns, open
// row), so a reload or a shared link shows the same view.
export function InventoryDataTable({ type, facets, savedColumns, noun }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [saveStatus, setSaveStatus] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const apiSearch = useMemo(() => {
    const params = new URLSearchParams(searchParams.toString());
    for (const key of UI_PARAMS) params.delete(key);
    return params.toString();
  }, [searchParams]);
  const { data, error, isPending, isFetching } = useInventoryList(type, apiSearch);

  const update = useCallback(
    (changes: Record<string, string | null>, resetPage = true) => {
      const params = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === "") params.delete(key);
        else params.set(key, value);
      }
      if (resetPage && !("page" in changes)) params.delete("page");
      const query = params.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  // Set at once on a change, so the checkboxes do not wait for the URL to update.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const columnIds = chosen ?? searchParams.get("columns")?.split(",").filter(Boolean) ?? savedColumns;
  const visible = COLUMNS[type].filter((column) => columnIds.includes(column.id));
  const columns = visible.length ? visible : COLUMNS[type].filter((column) => savedColumns.includes(column.id));

  const chooseColumns = (next: string[]) => {
    setChosen(next);
    update({ columns: next.join(",") }, false);
    setSaveStatus("Saving…");
    startTransition(async () => {
      const result = await saveColumnsAction({ type, columns: next });
      setSaveStatus(result.error ? `Not saved: ${result.error}` : "Saved as your default");
    });
  };

  const values = Object.fromEntries(searchParams.entries());
  // From the URL first: while the next page loads, the previous page's query is stale.
  const sort = searchParams.get("sort") ?? data?.query.sort ?? "";
  const order = searchParams.get("order") === "desc" ? "desc" : "asc";
  const onSort = (column: string) => update({ sort: column, order: column === sort && order === "asc" ? "desc" : null });
  const openItem = searchParams.get("item");
  const closeDrawer = useCallback(() => update({ item: null }, false), [update]);
  const filtered = Object.keys(data?.query.filters ?? {}).length > 0 || data?.query.includeRemoved;

  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <InventoryFilters key={apiSearch} type={type} facets={facets} values={values} includeRemoved={searchParams.get("includeRemoved") === "true"} onChange={(changes) => update(changes)} />
        </div>
        <ExportMenu type={type} search={apiSearch} />
        <ColumnChooser columns={COLUMNS[type]} visible={columns.map((column) => column.id)} onChange={chooseColumns} status={saveStatus} />
      </div>
      {error && <Alert tone="error">{error.message}</Alert>}
      {isPending && !error && <p className="text-sm text-slate-500">Loading…</p>}
      {data && data.total === 0 && !filtered && (
        <EmptyState title="Nothing collected yet">{noun} appear here after the first successful collection from a connection.</EmptyState>
      )}
      {data && data.total === 0 && filtered && <EmptyState title="No matches">No {noun.toLowerCase()} match these filters.</EmptyState>}
      {data && data.total > 0 && (
        <div aria-busy={isFetching}>
          <InventoryTable
            rows={data.rows}
            columns={columns}
            sort={sort}
            order={order}
            onSort={onSort}
            onOpen={(row: InventoryRow) => update({ item: row.id }, false)}
          />
          <InventoryPagination
            page={data.page}
            pageCount={data.pageCount}
            total={data.total}
            pageSize={data.pageSize}
            onPage={(page) => update({ page: page > 1 ? String(page) : null })}
            onPageSize={(size) => update({ pageSize: String(size) })}
          />
        </div>
      )}
      <InventoryDetailDrawer type={type} id={openItem} onClose={closeDrawer} />
    </>
  );
}
