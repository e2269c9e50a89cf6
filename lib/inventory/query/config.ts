import type { ResourceDefinition, StoredTable } from "../../resources/definition";
import { RESOURCE_LIST } from "../../resources/registry";
import type { ResourceType } from "../../resources/rows";
import type { FilterKey, InventoryType } from "./types";

// Per table, what queries need from its resource type's definition (lib/resources/<type>): the
// Prisma delegate, the resource-id column, the typed columns a row shows, which filters map to
// which column and which columns may be sorted (all indexed or small-table).
export type TypeConfig = Omit<ResourceDefinition<ResourceType>["table"], "display" | "presets"> & {
  model: Uncapitalize<StoredTable>;
  /** The table's name in both databases, for raw SQL. */
  table: StoredTable;
  idColumn: string;
};

// Prisma names a model's delegate after the model, first letter lower-cased (DbInstance -> dbInstance).
const delegateOf = (table: StoredTable) => (table[0].toLowerCase() + table.slice(1)) as Uncapitalize<StoredTable>;

function configOf({ store, table }: ResourceDefinition<ResourceType>): TypeConfig {
  const { nameColumn, columns, dataFields, filters, sortable, defaultSort } = table;
  return {
    model: delegateOf(store.table),
    table: store.table,
    idColumn: store.idField,
    nameColumn,
    columns,
    dataFields,
    filters,
    sortable,
    defaultSort,
  };
}

export const TYPE_CONFIG = Object.fromEntries(
  RESOURCE_LIST.map((definition) => [definition.slug, configOf(definition)]),
) as Record<InventoryType, TypeConfig>;

export function supportedFilters(type: InventoryType): FilterKey[] {
  return ["connection", "account", "region", ...(Object.keys(TYPE_CONFIG[type].filters) as FilterKey[]), "tag"];
}
