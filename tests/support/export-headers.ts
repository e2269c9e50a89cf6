import { CSV_FACTS, exportColumns } from "../../lib/inventory/export/columns";
import type { InventoryType } from "../../lib/inventory/query/types";

// CSV and XLSX headers are the table's labels; tests name fields by their keys, as JSON does.
export function exportLabel(type: InventoryType, key: string): string {
  const column = [...exportColumns(type), ...CSV_FACTS].find((each) => each.key === key);
  if (!column) throw new Error(`${type}: no exported column ${key}`);
  return column.label;
}

// CSV records read by header (label) as records by field key; fails on a header that is not a label.
export function byFieldKey(type: InventoryType, records: Record<string, string>[]): Record<string, string>[] {
  const keyOf = new Map(
    [...exportColumns(type), ...CSV_FACTS].map((column) => [column.label as string, column.key as string]),
  );
  return records.map((record) =>
    Object.fromEntries(
      Object.entries(record).map(([label, value]) => {
        const key = keyOf.get(label);
        if (!key) throw new Error(`${type}: the header ${label} is not an export label`);
        return [key, value];
      }),
    ),
  );
}
