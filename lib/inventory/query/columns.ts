import type { ColumnDef } from "../../resources/definition";
import { RESOURCE_LIST } from "../../resources/registry";
import type { InventoryType } from "./types";

// Columns each table can show, from its resource type's definition (table.display). Pure data:
// the UI and the column-preference store both read it.
export type { ColumnDef };

export const COLUMNS = Object.fromEntries(
  RESOURCE_LIST.map((definition) => [definition.slug, definition.table.display]),
) as Record<InventoryType, ColumnDef[]>;

export const ALL_COLUMNS: Record<InventoryType, string[]> = Object.fromEntries(
  Object.entries(COLUMNS).map(([type, columns]) => [type, columns.map((column) => column.id)]),
) as Record<InventoryType, string[]>;

export function defaultColumns(type: InventoryType): string[] {
  return COLUMNS[type].filter((column) => column.default).map((column) => column.id);
}
