import type { ResourceType, RowOf } from "./rows";

// Everything Cirrus knows about one AWS resource type that both the write side (collector) and
// the read side (inventory, API, exports, UI) rely on. Each type's folder exports one of these;
// lib/resources/registry.ts lists them. Fetching and mapping live beside it (collect.ts), read
// only by the collector, so pages never load the AWS SDK.

// A column a table can show: a row field or the shared context (account, region, connection,
// firstSeenAt, lastSeenAt), its label, the sort key and whether shown by default.
export type ColumnDef = {
  id: string;
  label: string;
  sort?: string;
  default?: boolean;
  kind?: "date" | "number" | "boolean";
};

// Filters every table offers ("connection" means seen by), then those a type maps to a column.
export const FILTER_KEYS = [
  "connection",
  "account",
  "region",
  "state",
  "instanceType",
  "licensedProduct",
  "licenceModel",
  "tenancy",
  "engine",
  "tag",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ColumnFilterKey = Exclude<FilterKey, "connection" | "account" | "region" | "tag">;

export type StoredTable =
  "Ec2Instance" | "DedicatedHost" | "ReservedInstance" | "DbInstance" | "ManagedNode" | "InstalledSoftware";

export type ResourceDefinition<T extends ResourceType, S extends string = string> = {
  /** The one name of the type: stored in runs, scopes, sightings, change events and coverage. */
  type: T;
  /** The URL segment of its inventory page and API list: /inventory/<slug>, /api/inventory/<slug>. */
  slug: S;
  labels: {
    /** Page title and Overview card, e.g. "EC2 instances". */
    title: string;
    /** The navigation entry. */
    nav: string;
    /** What the table counts, e.g. "Instances". */
    noun: string;
    /** Short name in coverage banners and the Coverage page. */
    short: string;
    /** Which figures a gap in this type makes incomplete. */
    figures: string;
    /** The page's one-line description. */
    description: string;
  };
  aws: {
    /** The IAM action that lists it in one account and region. */
    read: string;
    /** Further regional actions its collection calls (they fill in fields, never list it). */
    helpers: readonly string[];
    /** Its AWS Config resource type; null when Config does not record it (read from the service per account and region then). */
    configResourceType: string | null;
  };
  /**
   * Read from SSM Inventory: collected only while the connection's software collection is on.
   * Off, its scopes are not planned and its actions are neither required nor tested.
   */
  software?: boolean;
  store: {
    /** The table's name in both databases (the Prisma model name). */
    table: StoredTable;
    /** The resource id column: with account and region, AWS's own identity of the resource. */
    idField: string;
    idOf: (row: RowOf<T>) => string;
    /** The typed columns written beside the `data` JSON (what tables filter and sort on): a new
     *  object per call, which the collector completes into the row it writes. */
    columns: (row: RowOf<T>) => Record<string, unknown>;
    /** Licence-relevant fields whose changes become change events. */
    tracked: readonly string[];
  };
  table: {
    nameColumn?: string;
    /** Typed columns a row shows. */
    columns: readonly string[];
    /** Fields read from the `data` JSON (not typed columns) and shown in the table. */
    dataFields: readonly string[];
    /** Which filter maps to which column. */
    filters: Partial<Record<ColumnFilterKey, string>>;
    sortable: readonly string[];
    defaultSort: string;
    /** The columns in display order, with labels. */
    display: ColumnDef[];
    /** Links above the table to saved views: `query` is the page's query string ("" for all rows). */
    presets?: readonly { label: string; query: string }[];
  };
};

/** Columns every table shows around a type's own: where and when it was seen. */
export function contextColumns(defaults: boolean): ColumnDef[] {
  return [
    { id: "account", label: "Account", sort: "accountId", default: true },
    { id: "region", label: "Region", sort: "region", default: true },
    { id: "connection", label: "Connection" },
    { id: "firstSeenAt", label: "First seen", sort: "firstSeenAt", default: defaults, kind: "date" },
    { id: "lastSeenAt", label: "Last seen", sort: "lastSeenAt", default: defaults, kind: "date" },
  ];
}

export const COMMON_SORT = ["accountId", "region", "firstSeenAt", "lastSeenAt"] as const;

export const isoDate = (value: string | null) => (value ? new Date(value) : null);
