import "server-only";
import { resourceTypeOf } from "../../resources/registry";
import { loadRowContext } from "./context";
import { getDb } from "../../db";
import { TYPE_CONFIG } from "./config";
import { cursorAfter, decodeCursor, keysetOrderBy, keysetRanges, type CursorPosition } from "./cursor";
import { readWindows, WINDOW, windowsServe, type WindowOptions } from "./keyset-window";
import { toInventoryRow } from "./inventory-row";
import { parseJson, selectFor, type StoredRow, type StoredRowBase } from "./model";
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
// however many rows match. The filter is built once. Which rows come next is read for many
// batches at once (their positions only), so a filter whose index does not give the sort's
// order sorts its matches once per chunk instead of once per batch: an export of one instance
// type (80,000 of 1M instances) by vCPUs re-sorted every match 40 times and took 29-35 s
// (6.8 s now; 5.7 s with 50,000 positions per read, but 10,000 at a time the server's RSS
// during a 1M-row CSV export grew by 223 MB instead of 282 MB).
export async function* iterateInventory(
  type: InventoryType,
  query: InventoryQuery,
  batchSize = 1000,
  positionsPerRead = 10_000,
): AsyncGenerator<TaggedInventoryRow[]> {
  const where = await buildWhere(type, query);
  // Whole batches per read, so every batch but the last is full.
  const chunk = Math.ceil(positionsPerRead / batchSize) * batchSize;
  let after: CursorPosition | null = null;
  for (;;) {
    const positions = await readPositions(type, query, where, after, chunk);
    for (let start = 0; start < positions.length; start += batchSize) {
      const rows = await readRows(type, positions.slice(start, start + batchSize), { picks: true });
      if (rows.length) yield (await tagged(type, rows)).map(({ row, tags }) => Object.assign(row, { tags }));
    }
    if (positions.length < chunk) return;
    after = positionOf(type, query, positions[positions.length - 1]);
  }
}

// `limit` rows of the view after `cursor` (or after `skip` rows: the table's offset pages), and
// the cursor of the page after them. One extra row is read to know whether there is more. Raw
// SQL: the WHERE may join the search indexes, and an export batch of 2,000 rows read 4x faster
// than through Prisma's findMany (bench:inventory).
export async function readPage(
  type: InventoryType,
  query: InventoryQuery,
  where: Sql,
  options: { cursor?: string | null; limit: number; skip?: number; window?: WindowOptions | null },
) {
  const skip = options.cursor ? 0 : (options.skip ?? 0);
  const after = options.cursor
    ? decodeCursor(type, query, options.cursor)
    : skip > 0
      ? await positionBefore(type, query, where, skip)
      : null;
  // Past the last row: an empty page, as OFFSET beyond the end gives.
  if (after === "end") return { rows: [], nextCursor: null };
  const window = options.window === undefined ? WINDOW : options.window;
  const positions = await readPositions(type, query, where, after, options.limit + 1, { window });
  const rows = await readRows(type, positions.slice(0, options.limit));
  const nextCursor = positions.length > options.limit ? cursorAfter(type, query, positions[options.limit - 1]) : null;
  return { rows: await tagged(type, rows), nextCursor };
}

async function tagged(type: InventoryType, rows: (StoredRow | PickedRow)[]) {
  const context = await loadRowContext(resourceTypeOf(type), rows);
  return rows.map((row) => {
    // Parsed once for the fields and the tags: JSON.parse was a large share of an export's CPU.
    const data = (
      "dataPicks" in row ? pickedData(type, row.dataPicks as string | null) : (parseJson(row.data as string) ?? {})
    ) as Record<string, unknown> & { tags?: Record<string, string> };
    return { row: toInventoryRow(type, row, context, data), tags: data.tags ?? {} };
  });
}

// A row read for an export on SQLite: instead of its whole `data` JSON (~1 KB per instance), SQLite
// picks the few values a row shows from it (its tags and the type's data fields) into one short
// JSON array. At 1M instances on SQLite that cut reading and parsing a row from 15-20 us to
// ~11 us (the whole text was read out of the row and parsed in JS).
type PickedRow = StoredRowBase & { dataPicks: string | null };
const pickedFields = (type: InventoryType) => ["tags", ...TYPE_CONFIG[type].dataFields];

function dataPicksSql(type: InventoryType): Sql {
  // With two paths or more json_extract returns a JSON array (true stays true, not 1); every
  // type has data fields besides the tags (lib/resources/<type>: table.dataFields). Text that is
  // not JSON picks nothing, as parseJson reads it, rather than failing the whole export.
  const paths = pickedFields(type).map((field) => `$.${field}`);
  const picks =
    paths.length > 1 ? sql`json_extract("data", ${join(paths)})` : sql`json_array(json_extract("data", ${paths[0]}))`;
  return sql`CASE WHEN json_valid("data") THEN ${picks} END`;
}

function pickedData(type: InventoryType, picks: string | null): Record<string, unknown> {
  const values = (parseJson(picks) ?? []) as unknown[];
  const data: Record<string, unknown> = {};
  pickedFields(type).forEach((field, index) => {
    if (values[index] !== null && values[index] !== undefined) data[field] = values[index];
  });
  return data;
}

// A row's place in the view's order: its sort value and row id, and where the database keeps
// the row (`rowLocator`: SQLite's rowid, so the row is read without a seek in the id index).
type Position = { id: string; rowLocator?: number | bigint } & Record<string, unknown>;

// Which rows come after `after` (or after `skip` rows), in order: the sort column and row id
// only. Then the rows are read whole by id (readRows). A filter whose index does not give the
// sort's order sorts every match, and reading whole rows there carried each match's JSON
// through the sort: the first page of one instance type (80,000 of 1M instances) by vCPUs took
// 0.68 s on SQLite, 0.29 s this way.
async function readPositions(
  type: InventoryType,
  query: InventoryQuery,
  where: Sql,
  after: CursorPosition | null,
  limit: number,
  { skip = 0, window = null }: { skip?: number; window?: WindowOptions | null } = {},
): Promise<Position[]> {
  const names = [ident(query.sort), ident("id")];
  if (dialectOf() === "sqlite") names.push(sql`"rowid" AS "rowLocator"`);
  const columns = join(names, ", ");
  if (skip > 0) return getDb().$queryRaw<Position[]>(offsetSql(type, query, where, columns, limit, skip));
  // Range by range, the next only once the one before has run out: in one query the NULLs'
  // range was read (and sorted with the values') for every chunk of an export by name.
  const table = ident(TYPE_CONFIG[type].table);
  let positions: Position[] = [];
  let ranges = keysetRanges(dialectOf(), type, query, after);
  // A page of a filtered view on SQLite: first along the sort's index (keyset-window.ts).
  if (window && dialectOf() === "sqlite" && windowsServe(type, query)) {
    const head = await readWindows<Position>(type, query, where, after, limit, window);
    if (head?.length === limit) return head;
    // The first range read to its end: the next ranges follow.
    if (head) [positions, ranges] = [head, ranges.slice(1)];
  }
  for (const range of ranges) {
    positions.push(
      ...(await getDb().$queryRaw<Position[]>(sql`SELECT ${columns} FROM ${table}
        WHERE ${and([where, range.where])} ORDER BY ${range.orderBy} LIMIT ${limit - positions.length}`)),
    );
    if (positions.length === limit) break;
  }
  return positions;
}

// The rows at `positions`, whole (with `picks`, on SQLite: the values shown from `data` instead of
// `data`), in the positions' order. A row deleted since is left out, and so is a row that took a
// deleted row's SQLite rowid meanwhile (its id differs).
async function readRows(
  type: InventoryType,
  positions: Position[],
  { picks = false } = {},
): Promise<(StoredRow | PickedRow)[]> {
  if (!positions.length) return [];
  // PostgreSQL keeps `data` compressed out of line (TOAST): picking values out of it there cost
  // 30-36 us per row against 13 us for handing the text over (200k instances), so it is parsed here.
  const pick = picks && dialectOf() === "sqlite";
  const names = Object.keys(selectFor(type)).map((name) =>
    pick && name === "data" ? sql`${dataPicksSql(type)} AS "dataPicks"` : ident(name),
  );
  const columns = join(names, ", ");
  // One parameter for the whole list: binding 2,000 parameters cost more than reading the rows.
  const which =
    dialectOf() === "sqlite"
      ? sql`"rowid" IN (SELECT "value" FROM json_each(${JSON.stringify(positions.map((p) => Number(p.rowLocator)))}))`
      : sql`"id" = ANY(${positions.map((position) => position.id)})`;
  const stored = await getDb().$queryRaw<(StoredRow | PickedRow)[]>(
    sql`SELECT ${columns} FROM ${ident(TYPE_CONFIG[type].table)} WHERE ${which}`,
  );
  const byId = new Map(stored.map((row) => [row.id, row]));
  return positions.map((position) => byId.get(position.id)).filter((row) => row !== undefined);
}

// A position as a client's cursor decodes (through the cursor's own encoding, so the value has
// the same type).
function positionOf(type: InventoryType, query: InventoryQuery, position: Position): CursorPosition {
  return decodeCursor(type, query, cursorAfter(type, query, position));
}

// Where an offset page (a bookmarked ?page=N) starts: the position of the row before it, read
// from the sort's index alone, so the page itself is a keyset read. Reading the page's own
// columns at an OFFSET carried every skipped row's data through the query: a middle page of a
// million instances sorted by launch time took 9-18 s (bench:inventory).
async function positionBefore(
  type: InventoryType,
  query: InventoryQuery,
  where: Sql,
  skip: number,
): Promise<CursorPosition | "end"> {
  const [position] = await readPositions(type, query, where, null, 1, { skip: skip - 1 });
  return position ? positionOf(type, query, position) : "end";
}

// Rows at an offset of the whole view in one query: each keyset range's first rows up to the
// offset, in order, values before NULLs.
function offsetSql(
  type: InventoryType,
  query: InventoryQuery,
  where: Sql,
  columns: Sql,
  limit: number,
  skip: number,
): Sql {
  const table = ident(TYPE_CONFIG[type].table);
  const orderBy = keysetOrderBy(type, query);
  const ranges = keysetRanges(dialectOf(), type, query, null);
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
