"use client";

import { useCallback, useMemo, useState, useTransition } from "react";
import { saveColumnsAction } from "@/app/(dashboard)/inventory/actions";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { COLUMNS } from "@/lib/inventory/query/columns";
import type { FacetValues, InventoryRow, InventoryType } from "@/lib/inventory/query/types";
import { ColumnChooser } from "./column-chooser";
import { ExportMenu } from "./export-menu";
import { InventoryDetailDrawer } from "./inventory-detail-drawer";
import { InventoryFilters, type FilterChanges } from "./inventory-filters";
import { InventoryPagination } from "./inventory-pagination";
import { InventoryTable, TableSkeleton } from "./inventory-table";
import { MenuGroup } from "./popover";
import { useInventoryList, viewOf } from "./use-inventory";
import { usePageCursors } from "./use-page-cursors";
import { useUrlQuery } from "./use-url-query";

// UI-only URL parameters: the drawer's row and the columns shown. The rest is the API query.
const UI_PARAMS = ["item", "columns"];

type Props = { type: InventoryType; facets: FacetValues; savedColumns: string[]; noun: string };

// Data wrapper of an inventory table: the URL is the state (filters, sort, page, columns, open
// row), so a reload or a shared link shows the same view.
export function InventoryDataTable({ type, facets, savedColumns, noun }: Props) {
  const [search, replaceSearch] = useUrlQuery();
  const searchParams = useMemo(() => new URLSearchParams(search), [search]);
  const [saveStatus, setSaveStatus] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const apiSearch = useMemo(() => {
    const params = new URLSearchParams(search);
    for (const key of UI_PARAMS) params.delete(key);
    return params.toString();
  }, [search]);
  const { data, error, isPending, isFetching } = useInventoryList(type, apiSearch);
  // The view without its position: cursors are only valid for the filters and sort they came from.
  const viewKey = useMemo(() => viewOf(apiSearch), [apiSearch]);
  const pageParams = usePageCursors(viewKey, data?.page, data?.nextCursor);

  // A list value replaces every occurrence of its parameter (a multi-select's ticks).
  const update = useCallback(
    (changes: FilterChanges, resetPage = true) => {
      const params = new URLSearchParams(search);
      for (const [key, value] of Object.entries(changes)) {
        params.delete(key);
        for (const each of Array.isArray(value) ? value : [value])
          if (each !== null && each !== "") params.append(key, each);
      }
      if (resetPage && !("page" in changes)) {
        params.delete("page");
        params.delete("cursor");
      }
      replaceSearch(params.toString());
    },
    [search, replaceSearch],
  );

  const columnIds = searchParams.get("columns")?.split(",").filter(Boolean) ?? savedColumns;
  const visible = COLUMNS[type].filter((column) => columnIds.includes(column.id));
  const columns = visible.length ? visible : COLUMNS[type].filter((column) => savedColumns.includes(column.id));

  const chooseColumns = (next: string[]) => {
    update({ columns: next.join(",") }, false);
    setSaveStatus("Saving…");
    startTransition(async () => {
      const result = await saveColumnsAction({ type, columns: next });
      setSaveStatus(result.error ? `Not saved: ${result.error}` : "Saved as your default");
    });
  };

  const values = useMemo(() => {
    const all: Record<string, string[]> = {};
    for (const [key, value] of searchParams) (all[key] ??= []).push(value);
    return all;
  }, [searchParams]);
  // From the URL first: while the next page loads, the previous page's query is stale.
  const sort = searchParams.get("sort") ?? data?.query.sort ?? "";
  const order = searchParams.get("order") === "desc" ? "desc" : "asc";
  const onSort = (column: string) =>
    update({ sort: column, order: column === sort && order === "asc" ? "desc" : null });
  const openItem = searchParams.get("item");
  const closeDrawer = useCallback(() => update({ item: null }, false), [update]);
  const filtered =
    Object.keys(data?.query.filters ?? {}).length > 0 ||
    data?.query.includeRemoved ||
    (data?.query.stale ?? null) !== null;

  return (
    <>
      <MenuGroup>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0 flex-1">
            <InventoryFilters
              type={type}
              facets={facets}
              values={values}
              includeRemoved={searchParams.get("includeRemoved") === "true"}
              staleOnly={searchParams.get("stale") === "true"}
              onChange={(changes) => update(changes)}
            />
          </div>
          <div className="flex shrink-0 gap-2">
            <ExportMenu type={type} search={apiSearch} />
            <ColumnChooser
              columns={COLUMNS[type]}
              visible={columns.map((column) => column.id)}
              onChange={chooseColumns}
              status={saveStatus}
            />
          </div>
        </div>
      </MenuGroup>
      {error && <Alert tone="error">{error.message}</Alert>}
      {isPending && !error && <TableSkeleton columns={columns} />}
      {data && data.total === 0 && !filtered && (
        <EmptyState title="Nothing collected yet">
          {noun} appear here after the first successful collection from a connection.
        </EmptyState>
      )}
      {data && data.total === 0 && filtered && (
        <EmptyState title="No matches">No {noun.toLowerCase()} match these filters.</EmptyState>
      )}
      {data && data.total > 0 && (
        <div aria-busy={isFetching}>
          <InventoryTable
            noun={noun}
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
            onPage={(page) => update(pageParams(page))}
            onPageSize={(size) => update({ pageSize: String(size) })}
          />
        </div>
      )}
      <InventoryDetailDrawer type={type} id={openItem} onClose={closeDrawer} />
    </>
  );
}
