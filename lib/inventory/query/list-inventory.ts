import "server-only";
import { countRows, readPage } from "./list-inventory-cursor";
import type { Sql } from "./sql";
import type { InventoryPage, InventoryQuery, InventoryType, UncountedInventoryPage } from "./types";
import { buildWhere } from "./where";

// One page of a table: filtered, sorted on a whitelisted typed column (the row id breaks ties
// so pages never overlap), with alias, connection name and stale flag per row, in the API's
// keyset order (empty values last in both directions, on both databases). With `cursor` (the
// previous page's nextCursor) the page is a keyset read that costs the same on page 2 and page
// 20,000; without it, an offset read (page 1, or a bookmarked ?page=N). Either way the page
// says where the next one starts, so paging forward stays on keyset reads.
export async function listInventory(
  type: InventoryType,
  query: InventoryQuery,
  cursor: string | null = null,
): Promise<InventoryPage> {
  const where = await buildWhere(type, query);
  const [page, total] = await Promise.all([readPageOf(type, query, where, cursor), countRows(type, where)]);
  return { ...page, total, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}

// The same page without counting the view: the table's Next keeps the total its first page
// gave. Counting the matches of a free-text or tag filter over a million instances took longer
// than reading the page (bench:inventory: COUNT 330-470 ms, the page 50-400 ms).
export async function listInventoryUncounted(
  type: InventoryType,
  query: InventoryQuery,
  cursor: string | null,
): Promise<UncountedInventoryPage> {
  const page = await readPageOf(type, query, await buildWhere(type, query), cursor);
  return { ...page, total: null, pageCount: null };
}

async function readPageOf(type: InventoryType, query: InventoryQuery, where: Sql, cursor: string | null) {
  const skip = cursor ? 0 : (query.page - 1) * query.pageSize;
  const page = await readPage(type, query, where, { cursor, limit: query.pageSize, skip });
  return {
    rows: page.rows.map((entry) => entry.row),
    page: query.page,
    pageSize: query.pageSize,
    nextCursor: page.nextCursor,
    query,
  };
}
