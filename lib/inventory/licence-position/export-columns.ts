import type { LicenceLineRow } from "./types";

// The drill-down table's facts in its order, one column each; JSON keeps the row as it is.
export const LINE_COLUMNS: { key: keyof LicenceLineRow; label: string }[] = [
  { key: "resourceKind", label: "Resource type" },
  { key: "resourceId", label: "Resource ID" },
  { key: "resourceName", label: "Name" },
  { key: "state", label: "State" },
  { key: "accountId", label: "Account" },
  { key: "accountAlias", label: "Account alias" },
  { key: "region", label: "Region" },
  { key: "product", label: "Product id" },
  { key: "productName", label: "Product" },
  { key: "edition", label: "Edition" },
  { key: "metric", label: "Metric" },
  { key: "basis", label: "Basis" },
  { key: "quantity", label: "Quantity" },
  { key: "ruleId", label: "Rule" },
  { key: "arithmetic", label: "Arithmetic" },
  { key: "evidence", label: "Evidence" },
  { key: "flags", label: "Flags" },
];

/** A line's values in column order: lists joined by "; ", a missing quantity left empty (not 0). */
export function lineRecord(line: LicenceLineRow): (string | number | null)[] {
  return LINE_COLUMNS.map(({ key }) => {
    const value = line[key];
    return Array.isArray(value) ? value.join("; ") : value;
  });
}
