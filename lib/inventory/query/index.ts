import "server-only";

export {
  parseInventoryQuery,
  inventoryQueryToParams,
  columnPreferenceSchema,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
} from "./schemas";
export { listInventory, listInventoryUncounted } from "./list-inventory";
export { getInventoryItem } from "./get-inventory-item";
export { facetValues } from "./facet-values";
export { getColumnPreference, saveColumnPreference } from "./save-columns";
export { COLUMNS, ALL_COLUMNS, defaultColumns, type ColumnDef } from "./columns";
export * from "./types";
