import "server-only";
import { resourceTypeOf } from "../../resources/registry";
import { loadRowContext } from "./context";
import { getDb } from "../../db";
import { TYPE_CONFIG } from "./config";
import { cursorAfter, decodeCursor, keysetOrderBy, keysetRanges, type CursorPosition } from "./cursor";
import { toInventoryRow } from "./inventory-row";
import { parseJson, selectFor, type StoredRow } from "./model";
import { type InventoryQuery, type InventoryRow, type InventoryType } from "./types";
import { and, ident, integer, join, sql, type Sql } from "./sql";
import { buildWhere, dialectOf } from "./where";

export type TaggedInventoryRow = InventoryRow & { tags: Record<string, string> };
export type CursorPage<Row = InventoryRow> = { rows: Row[]; nextCursor: string | null };

// One keyset page (the REST API): `limit` rows after `cursor`, and the cursor of the page after
// it (null on the last page).
export async function listInventoryPage(
  type: InventoryType,
  query: InventoryQuery,
  options: { cursor?: string | null; limit: number },
): Promise<CursorPage> {
  const page = await readPage(type, query, await buildWhere(type, query), options);
  return { rows: page.rows.map((entry) => entry.row), nextCursor: page.nextCursor };
}

// Every row of the view, a batch at a time, with tags: memory stays bounded by the batch size
// however many rows match. The filter is built once; each batch is one indexed range read.
export async function* iterateInventory(
  type: InventoryType,
  query: InventoryQuery,
  batchSize = 1000,
): AsyncGenerator<TaggedInventoryRow[]> {
  const where = await buildWhere(type, query);
  let cursor: string | null = null;
  do {
    const page = await readPage(type, query, where, { cursor, limit: batchSize });
    if (page.rows.length) yield page.rows.map(({ row, tags }) => ({ ...row, tags }));
    cursor = page.nextCursor;
  } while (cursor);
}

// `limit` rows of the view after `cursor` (or after `skip` rows: the table's offset pages), and
// the cursor of the page after them. One extra row is read to know whether there is more. Raw
// SQL: the WHERE may join the search indexes, and an export batch of 2,000 rows read 4x faster
// than through Prisma's findMany (bench:inventory).
export async function readPage(
  type: InventoryType,
  query: InventoryQuery,
  where: Sql,
  options: { cursor?: string | null; limit: number; skip?: number },
) {
  const skip = options.cursor ? 0 : (options.skip ?? 0);
  const after = options.cursor
    ? decodeCursor(type, query, options.cursor)
    : skip > 0
      ? await positionBefore(type, query, where, skip)
      : null;
  // Past the last row: an empty page, as OFFSET beyond the end gives.
  if (after === "end") return { rows: [], nextCursor: null };
  const stored = await getDb().$queryRaw<StoredRow[]>(pageSql(type, query, where, after, options.limit + 1));
  const rows = stored.slice(0, options.limit);
  const nextCursor = stored.length > options.limit ? cursorAfter(type, query, rows[rows.length - 1]) : null;
  const context = await loadRowContext(resourceTypeOf(type), rows);
  return {
    rows: rows.map((row) => {
      // Parsed once for the fields and the tags: JSON.parse was a large share of an export's CPU.
      const data = (parseJson(row.data) ?? {}) as Record<string, unknown> & { tags?: Record<string, string> };
      return { row: toInventoryRow(type, row, context, data), tags: data.tags ?? {} };
    }),
    nextCursor,
  };
}

// Where an offset page (a bookmarked ?page=N) starts: the sort value and row id of the row
// before it, read from the sort's index alone, so the page itself is a keyset read. Reading
// the page's own columns at an OFFSET carried every skipped row's data through the query: a
// middle page of a million instances sorted by launch time took 9-18 s (bench:inventory).
async function positionBefore(
  type: InventoryType,
  query: InventoryQuery,
  where: Sql,
  skip: number,
): Promise<CursorPosition | "end"> {
  const columns = join([ident(query.sort), ident("id")], ", ");
  const [row] = await getDb().$queryRaw<({ id: string } & Record<string, unknown>)[]>(
    rangesSql(type, query, where, null, columns, 1, skip - 1),
  );
  if (!row) return "end";
  // Through the cursor's own encoding, so the value has the type a client's cursor would give.
  return decodeCursor(type, query, cursorAfter(type, query, { [TYPE_CONFIG[type].idColumn]: "", ...row }));
}

// One keyset page's rows after `after`.
function pageSql(
  type: InventoryType,
  query: InventoryQuery,
  where: Sql,
  after: CursorPosition | null,
  limit: number,
): Sql {
  const columns = join(Object.keys(selectFor(type)).map(ident), ", ");
  return rangesSql(type, query, where, after, columns, limit, 0);
}

// One SELECT per keyset range, each reading its own index range in the page's order; with two
// ranges (a column that may hold NULLs) the rows are the first of both, values before NULLs.
function rangesSql(
  type: InventoryType,
  query: InventoryQuery,
  where: Sql,
  after: CursorPosition | null,
  columns: Sql,
  limit: number,
  skip: number,
): Sql {
  const table = ident(TYPE_CONFIG[type].table);
  const orderBy = keysetOrderBy(type, query);
  const ranges = keysetRanges(dialectOf(), type, query, after);
  if (ranges.length === 1) {
    return sql`SELECT ${columns} FROM ${table} WHERE ${and([where, ranges[0].where])}
      ORDER BY ${ranges[0].orderBy} LIMIT ${limit} OFFSET ${skip}`;
  }
  const parts = ranges.map(
    (range, index) => sql`SELECT * FROM (SELECT ${columns}, ${integer(index)} AS "keysetRange" FROM ${table}
      WHERE ${and([where, range.where])} ORDER BY ${range.orderBy} LIMIT ${limit + skip}) AS ${ident(`range${index}`)}`,
  );
  return sql`SELECT * FROM (${join(parts, " UNION ALL ")}) AS "page"
    ORDER BY "keysetRange", ${orderBy} LIMIT ${limit} OFFSET ${skip}`;
}

/** How many rows of the type match `where`. */
export async function countRows(type: InventoryType, where: Sql): Promise<number> {
  const [{ count }] = await getDb().$queryRaw<{ count: number | bigint }[]>(
    sql`SELECT COUNT(*) AS "count" FROM ${ident(TYPE_CONFIG[type].table)} WHERE ${where}`,
  );
  return Number(count);
}
