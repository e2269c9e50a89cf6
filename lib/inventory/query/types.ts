import { FILTER_KEYS, type FilterKey } from "../../resources/definition";
import { isResourceSlug, RESOURCE_SLUGS, type ResourceSlug } from "../../resources/registry";

// A table is named by its resource type's slug, the URL segment of /inventory/<slug> and
// /api/inventory/<slug> (lib/resources/registry.ts); these aliases keep the read side's names.
export type InventoryType = ResourceSlug;
export const INVENTORY_TYPES = RESOURCE_SLUGS;
export const isInventoryType = isResourceSlug;

export { FILTER_KEYS, type FilterKey };

// Each filter holds the values it matches: a row matches one of them (a repeated URL parameter,
// e.g. engine=sqlserver-se&engine=sqlserver-ee), and every filter given.
export type InventoryFilters = Partial<Record<FilterKey, string[]>> & { q?: string };

export type InventoryQuery = {
  filters: InventoryFilters;
  sort: string;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
  includeRemoved: boolean;
  // true: only rows whose scope is stale (no connection read it in its latest attempt); false:
  // only current rows; null: both.
  stale: boolean | null;
};

export type StaleInfo = { lastSuccessAt: string | null; lastAttemptAt: string; lastErrorCode: string | null };

// One table row: the typed columns plus the context every table shows. Dates are ISO strings.
export type InventoryRow = {
  id: string;
  resourceId: string;
  connectionId: string;
  connectionName: string | null;
  accountId: string;
  accountAlias: string | null;
  region: string;
  firstSeenAt: string;
  lastSeenAt: string;
  removedAt: string | null;
  // "removed" (gone in AWS) or "out-of-scope" (no connection covers it any more).
  removedReason: string | null;
  stale: StaleInfo | null;
  // Ids of every connection that saw it; connectionId above is the one whose fields it shows.
  seenBy: string[];
  fields: Record<string, string | number | boolean | null>;
};

export type InventoryPage = {
  rows: InventoryRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Where the next page starts (pass it back as `cursor`); null on the last page. */
  nextCursor: string | null;
  query: InventoryQuery;
};

/** A page read without counting its view (`count=false`: the table's Next keeps its total). */
export type UncountedInventoryPage = Omit<InventoryPage, "total" | "pageCount"> & { total: null; pageCount: null };

// runId is null for the "created" entry, which comes from the row's firstSeenAt.
export type ChangeEventView = { id: string; at: string; kind: string; runId: string | null; changes: unknown };

// One connection's view of a resource, for the drawer's "Seen by".
export type SightingView = {
  connectionId: string;
  connectionName: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  endedAt: string | null;
  endReason: string | null;
};

export type InventoryItem = InventoryRow & {
  sightings: SightingView[];
  tags: Record<string, string>;
  data: Record<string, unknown>;
  raw: unknown;
  history: ChangeEventView[];
};

export type FacetValues = Partial<Record<FilterKey, { value: string; label: string }[]>>;
