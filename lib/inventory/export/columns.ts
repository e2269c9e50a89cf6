import { COLUMNS } from "../query/columns";
import { TYPE_CONFIG } from "../query/config";
import type { TaggedInventoryRow } from "../query/list-inventory-cursor";
import type { InventoryType } from "../query/types";

export type ExportValue = string | number | boolean | Date | null;
// `key` is the row's field (what JSON and the API call it); `label` is the CSV/XLSX header, the
// table's column label, so a spreadsheet reads like the page it came from.
export type ExportColumn = { key: string; label: string; date?: boolean };

// Where and when each row was seen; tags as one JSON text column in CSV and XLSX. `column`: the
// table's context column whose label the header takes; `label`: facts the table has no column for.
const CONTEXT: { key: string; column?: string; label?: string; date?: boolean }[] = [
  { key: "connectionName", column: "connection" },
  { key: "accountId", column: "account" },
  { key: "accountAlias", label: "Account alias" },
  { key: "region", column: "region" },
  { key: "firstSeenAt", column: "firstSeenAt", date: true },
  { key: "lastSeenAt", column: "lastSeenAt", date: true },
  { key: "removedAt", label: "Removed", date: true },
  { key: "stale", label: "Stale" },
  { key: "tags", label: "Tags" },
];

// Every field of the type (the table's columns in their order, then the rest) and the context.
export function exportColumns(type: InventoryType): ExportColumn[] {
  const config = TYPE_CONFIG[type];
  const fields = [...config.columns, ...config.dataFields];
  const known = new Map(COLUMNS[type].map((column) => [column.id, column]));
  const ordered = [
    ...COLUMNS[type].map((column) => column.id).filter((id) => fields.includes(id)),
    ...fields.filter((id) => !known.has(id)),
  ];
  const labelOf = (id: string) => {
    const label = known.get(id)?.label;
    // The registry test holds every exported field to a table label (lib/resources/<type>/index.ts).
    if (!label) throw new Error(`${type}: the field ${id} has no column label in its definition's table.display`);
    return label;
  };
  return [
    ...ordered.map((key) => ({ key, label: labelOf(key), date: known.get(key)?.kind === "date" })),
    ...CONTEXT.map(({ key, column, label, date }) => ({ key, label: label ?? labelOf(column!), date })),
  ];
}

// The file-level facts CSV repeats on every row, after the row's own columns (the JSON header's
// and XLSX About sheet's names as keys).
export const CSV_FACTS = [
  { key: "exportedAt", label: "Exported at" },
  { key: "snapshotAt", label: "Snapshot at" },
  { key: "collectorVersion", label: "Collector version" },
  { key: "coverageComplete", label: "Coverage complete" },
  { key: "coverageGaps", label: "Coverage gaps" },
  { key: "coverageExcluded", label: "Coverage excluded" },
] as const;
export const CSV_FACT_LABELS = CSV_FACTS.map((fact) => fact.label);

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isoOrNull = (date: Date) => (Number.isNaN(date.getTime()) ? null : date.toISOString());

type Read = (row: TaggedInventoryRow) => unknown;
const CONTEXT_READS: Record<string, Read> = {
  connectionName: (row) => row.connectionName,
  accountId: (row) => row.accountId,
  accountAlias: (row) => row.accountAlias,
  region: (row) => row.region,
  firstSeenAt: (row) => row.firstSeenAt,
  lastSeenAt: (row) => row.lastSeenAt,
  removedAt: (row) => row.removedAt,
  stale: (row) => row.stale !== null,
  tags: (row) => JSON.stringify(row.tags),
};

// One row's values in column order (numbers stay numbers, dates become Dates), with the columns'
// readers worked out once: an export calls it for every row.
// `datesAsText`: dates as ISO 8601 UTC text (what CSV writes) rather than Date objects (XLSX's
// typed cells); the rows hold most dates as that text already, so they need no round trip.
export function exportRecordReader(
  columns: ExportColumn[],
  { datesAsText = false } = {},
): (row: TaggedInventoryRow) => ExportValue[] {
  const reads = columns.map(({ key, date }): ((row: TaggedInventoryRow) => ExportValue) => {
    const read: Read = CONTEXT_READS[key] ?? ((row) => row.fields[key]);
    return (row) => {
      const value = read(row);
      if (value === undefined || value === null) return null;
      if (date && typeof value === "string") {
        if (!datesAsText) return new Date(value);
        return ISO_UTC.test(value) ? value : isoOrNull(new Date(value));
      }
      return value as ExportValue;
    };
  });
  return (row) => reads.map((read) => read(row));
}
