import { TYPE_CONFIG } from "./config";
import type { RowContext } from "./context";
import { parseJson, plain, type StoredRowBase } from "./model";
import type { InventoryRow, InventoryType } from "./types";

const seenByIds = (seenBy: unknown) => (typeof seenBy === "string" ? seenBy.split("|").filter(Boolean) : []);

// One stored row as tables, the API and exports show it.
// `data` is the row's parsed JSON when the caller already has it (exports read tags from it too).
export function toInventoryRow(
  type: InventoryType,
  row: StoredRowBase & { data?: string },
  context: RowContext,
  data = (parseJson(row.data) ?? {}) as Record<string, unknown>,
): InventoryRow {
  const config = TYPE_CONFIG[type];
  const fields: InventoryRow["fields"] = {};
  for (const column of config.columns) fields[column] = plain(row[column]);
  for (const field of config.dataFields) {
    const value = data[field];
    fields[field] = Array.isArray(value) ? value.length : plain(value);
  }
  return {
    id: row.id,
    resourceId: String(row[config.idColumn]),
    connectionId: row.connectionId,
    connectionName: context.connectionName(row.connectionId),
    accountId: row.accountId,
    accountAlias: context.alias(row.accountId),
    region: row.region,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    removedAt: row.removedAt?.toISOString() ?? null,
    stale: context.stale(row.accountId, row.region),
    removedReason: (row.removedReason as string | null | undefined) ?? null,
    seenBy: seenByIds(row.seenBy),
    fields,
  };
}
