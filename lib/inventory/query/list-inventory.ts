import "server-only";
import { countRows, readPage } from "./list-inventory-cursor";
import type { InventoryPage, InventoryQuery, InventoryType } from "./types";
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
  const skip = cursor ? 0 : (query.page - 1) * query.pageSize;
  const [page, total] = await Promise.all([
    readPage(type, query, where, { cursor, limit: query.pageSize, skip }),
    countRows(type, where),
  ]);
  return {
    rows: page.rows.map((entry) => entry.row),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    nextCursor: page.nextCursor,
    query,
  };
}
