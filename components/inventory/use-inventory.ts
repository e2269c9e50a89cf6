"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { InventoryItem, InventoryPage, InventoryType } from "@/lib/inventory/query/types";

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
// The previous page stays on screen while the next loads.
export function useInventoryList(type: InventoryType, search: string) {
  return useQuery({
    queryKey: inventoryKeys.list(type, search),
    queryFn: () => getJson<InventoryPage>(`/api/inventory/${type}?${search}`, "the table"),
    placeholderData: keepPreviousData,
  });
}

// One resource for the detail drawer.
export function useInventoryItem(type: InventoryType, id: string | null) {
  return useQuery({
    queryKey: inventoryKeys.item(type, id ?? ""),
    queryFn: () => getJson<InventoryItem>(`/api/inventory/${type}/${encodeURIComponent(id ?? "")}`, "the resource"),
    enabled: id !== null,
  });
}
