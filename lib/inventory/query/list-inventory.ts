import "server-only";
import { resourceTypeOf } from "../../resources/registry";
import { TYPE_CONFIG } from "./config";
import { loadRowContext, type RowContext } from "./context";
import { modelOf, parseJson, plain, selectFor, type StoredRow } from "./model";
import { type InventoryPage, type InventoryQuery, type InventoryRow, type InventoryType } from "./types";
import { cursorAfter, decodeCursor, keysetOrderBy, keysetWhere } from "./cursor";
import { buildWhere } from "./where";

const seenByIds = (seenBy: unknown) => (typeof seenBy === "string" ? seenBy.split("|").filter(Boolean) : []);

// One page of a table: filtered, sorted on a whitelisted typed column (the row id breaks ties
// so pages never overlap), with alias, connection name and stale flag per row. With `cursor`
// (the previous page's nextCursor) the page is a keyset read that costs the same on page 2 and
// page 20,000; without it, an offset read (page 1, or a bookmarked ?page=N). Either way the
// page says where the next one starts, so paging forward stays on keyset reads.
export async function listInventory(
  type: InventoryType,
  query: InventoryQuery,
  cursor: string | null = null,
): Promise<InventoryPage> {
  const model = modelOf(type);
  const where = await buildWhere(type, query);
  const after = cursor ? decodeCursor(type, query, cursor) : null;
  // The API's keyset order, so a table page and the API list the same rows in the same order
  // (empty values last in both directions, on both databases).
  const orderBy = keysetOrderBy(type, query);
  const [stored, total] = await Promise.all([
    model.findMany({
      where: after ? { AND: [where, keysetWhere(type, query, after)] } : where,
      orderBy,
      select: selectFor(type),
      skip: after ? 0 : (query.page - 1) * query.pageSize,
      take: query.pageSize + 1,
    }),
    model.count({ where }),
  ]);
  const rows = stored.slice(0, query.pageSize);
  const context = await loadRowContext(resourceTypeOf(type), rows);
  return {
    rows: rows.map((row) => toInventoryRow(type, row, context)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    nextCursor: stored.length > query.pageSize ? cursorAfter(type, query, rows[rows.length - 1]) : null,
    query,
  };
}

// `data` is the row's parsed JSON when the caller already has it (exports read tags from it too).
export function toInventoryRow(
  type: InventoryType,
  row: StoredRow,
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
