import { COLUMNS } from "../query/columns";
import { TYPE_CONFIG } from "../query/config";
import type { TaggedInventoryRow } from "../query/list-inventory-cursor";
import type { InventoryType } from "../query/types";

export type ExportValue = string | number | boolean | Date | null;
// `key` is also the header: stable, machine-readable names an ITAM import can map once.
export type ExportColumn = { key: string; date?: boolean };

// Where and when each row was seen; tags as one JSON text column in CSV and XLSX.
const CONTEXT: ExportColumn[] = [
  { key: "connectionName" },
  { key: "accountId" },
  { key: "accountAlias" },
  { key: "region" },
  { key: "firstSeenAt", date: true },
  { key: "lastSeenAt", date: true },
  { key: "removedAt", date: true },
  { key: "stale" },
  { key: "tags" },
];

// Every field of the type (the table's columns in their order, then the rest) and the context.
export function exportColumns(type: InventoryType): ExportColumn[] {
  const config = TYPE_CONFIG[type];
  const fields = [...config.columns, ...config.dataFields];
  const known = new Map(COLUMNS[type].map((column) => [column.id, column]));
  const ordered = [...COLUMNS[type].map((column) => column.id).filter((id) => fields.includes(id)), ...fields.filter((id) => !known.has(id))];
  return [...ordered.map((key) => ({ key, date: known.get(key)?.kind === "date" })), ...CONTEXT];
}

// One row's values in column order: numbers stay numbers, dates become Dates.
export function exportRecord(columns: ExportColumn[], row: TaggedInventoryRow): ExportValue[] {
  const flat: Record<string, unknown> = {
    ...row.fields,
    connectionName: row.connectionName,
    accountId: row.accountId,
    accountAlias: row.accountAlias,
    region: row.region,
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    removedAt: row.removedAt,
    stale: row.stale !== null,
    tags: JSON.stringify(row.tags),
  };
  return columns.map((column) => {
    const value = flat[column.key];
    if (value === undefined || value === null) return null;
    if (column.date && typeof value === "string") return new Date(value);
    return value as ExportValue;
  });
}
