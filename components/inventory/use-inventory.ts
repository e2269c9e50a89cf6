"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import type { InventoryItem, InventoryPage, InventoryType, UncountedInventoryPage } from "@/lib/inventory/query/types";

export const inventoryKeys = {
  all: ["inventory"] as const,
  lists: (type: InventoryType) => [...inventoryKeys.all, type, "list"] as const,
  list: (type: InventoryType, search: string) => [...inventoryKeys.lists(type), search] as const,
  item: (type: InventoryType, id: string) => [...inventoryKeys.all, type, "item", id] as const,
};

async function getJson<T>(url: string, what: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    const fields = problem?.error?.fieldErrors
      ? ` (${Object.entries(problem.error.fieldErrors as Record<string, string[]>)
          .map(([k, v]) => `${k}: ${v.join(", ")}`)
          .join("; ")})`
      : "";
    throw new Error((problem?.error?.message ?? `Could not load ${what} (HTTP ${response.status})`) + fields);
  }
  return response.json();
}

// One page of a table; `search` is the query string (the URL's, minus UI-only parameters).
// The previous page stays on screen while the next loads. A page reached by Next (a cursor)
// keeps the total its view's first page gave instead of counting every match again (a million
// instances behind a free-text filter took longer to count than the page took to read); a
// reload, a shared link or another filter counts afresh.
export function useInventoryList(type: InventoryType, search: string) {
  const totals = useRef(new Map<string, number>());
  return useQuery({
    queryKey: inventoryKeys.list(type, search),
    queryFn: async (): Promise<InventoryPage> => {
      const params = new URLSearchParams(search);
      const view = viewOf(search);
      const known = params.has("cursor") ? totals.current.get(view) : undefined;
      if (known === undefined) {
        const page = await getJson<InventoryPage>(`/api/inventory/${type}?${search}`, "the table");
        totals.current.set(view, page.total);
        return page;
      }
      params.set("count", "false");
      const page = await getJson<UncountedInventoryPage>(`/api/inventory/${type}?${params}`, "the table");
      // Rows collected or removed since the count still leave Next where the rows are: it goes
      // on while there is a next page and stops at the last one.
      const counted = Math.max(1, Math.ceil(known / page.pageSize));
      const pageCount = page.nextCursor ? Math.max(counted, page.page + 1) : page.page;
      return { ...page, total: known, pageCount };
    },
    placeholderData: keepPreviousData,
  });
}

// The view a page belongs to: its query without the position (cursors and totals are kept per view).
export function viewOf(search: string): string {
  const view = new URLSearchParams(search);
  view.delete("page");
  view.delete("cursor");
  return view.toString();
}

// One resource for the detail drawer.
export function useInventoryItem(type: InventoryType, id: string | null) {
  return useQuery({
    queryKey: inventoryKeys.item(type, id ?? ""),
    queryFn: () => getJson<InventoryItem>(`/api/inventory/${type}/${encodeURIComponent(id ?? "")}`, "the resource"),
    enabled: id !== null,
  });
}
