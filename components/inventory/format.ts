import type { ColumnDef } from "@/lib/inventory/query/columns";
import type { InventoryRow } from "@/lib/inventory/query/types";
import { showControlCharacters } from "@/lib/text/visible-controls";

// Collected text (tags above all) is anyone's input: NUL and bidi overrides are shown as
// ⟨U+XXXX⟩ so a value cannot reorder or hide what is shown around it.
export const visibleText = showControlCharacters;

export function formatDate(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—";
}

// A cell's text: context columns from the row, the rest from its fields.
export function cellText(row: InventoryRow, column: ColumnDef): string {
  return visibleText(rawCellText(row, column));
}

function rawCellText(row: InventoryRow, column: ColumnDef): string {
  switch (column.id) {
    case "account":
      return row.accountAlias ? `${row.accountAlias} (${row.accountId})` : row.accountId;
    case "region":
      return row.region;
    case "connection":
      return row.connectionName ?? row.connectionId;
    case "firstSeenAt":
      return formatDate(row.firstSeenAt);
    case "lastSeenAt":
      return formatDate(row.lastSeenAt);
  }
  const value = row.fields[column.id];
  if (value === null || value === undefined || value === "") return "—";
  if (column.kind === "date" && typeof value === "string") return formatDate(value);
  if (column.kind === "boolean") return value ? "Yes" : "No";
  return String(value);
}

export function staleTitle(stale: NonNullable<InventoryRow["stale"]>): string {
  const last = stale.lastSuccessAt
    ? `last collected ${formatDate(stale.lastSuccessAt)}`
    : "never collected successfully";
  return `Stale: ${last}; the latest attempt failed${stale.lastErrorCode ? ` (${stale.lastErrorCode})` : ""}`;
}
