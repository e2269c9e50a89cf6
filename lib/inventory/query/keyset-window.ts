import "server-only";
import { getDb } from "../../db";
import { TYPE_CONFIG } from "./config";
import { keysetRanges, type CursorPosition, type KeysetRange } from "./cursor";
import { LEADING_INDEX_COLUMNS } from "./loose-scan";
import { ident, integer, join, sql, type Sql } from "./sql";
import type { InventoryQuery, InventoryType } from "./types";

// A page of a filtered view on SQLite, found by reading the sort's index in order a window of
// entries at a time and keeping the entries whose rows match. SQLite's planner reads a filter's
// own index instead (an instance type, a tag, the free-text candidates) and sorts every match to
// return 51 of them: at 1M instances the first page of tag CostCenter=CC-1003 (100k matches) by
// launch time took 430-720 ms, the window 41-48 ms; q=sqlent by vCPUs 220 -> 43-56 ms; BYOL by
// launch time 119 -> 10 ms; region + stopped by instance ID 180-240 -> 14-21 ms.
// The window only proposes where to look: the same WHERE decides and the same ORDER BY orders.
// When the matches are rare or lie away from the start (one instance type by vCPUs: its rows
// all share one value), the first window finds few or none and the page is read the planner's
// way instead; that costs the window on top (9-18 ms for 2,000 entries at 1M).
// SQLite only: PostgreSQL's planner, with the statistics ANALYZE keeps, already reads these
// shapes in 10-80 ms at 1M, and the same windows there (each entry's row found by a LATERAL
// primary-key lookup) took 2-6x as long: BYOL by launch time 20-43 -> 159-256 ms.

export type WindowOptions = { rows: number; budget: number };
export const WINDOW: WindowOptions = { rows: 2000, budget: 10_000 };

type Position = { id: string } & Record<string, unknown>;

// The page's first `limit` positions after `after`, or fewer when the windows read the first
// keyset range to its end (the next ranges follow); null when they could not fill the page within
// the budget: then the page is read the planner's way from `after`, as if no window had been read
// (reading on from the last window's edge made SQLite walk the sort's index for one instance
// type's matches too, through 400k entries: 1.4 s).
export async function readWindows<P extends Position>(
  type: InventoryType,
  query: InventoryQuery,
  where: Sql,
  after: CursorPosition | null,
  limit: number,
  options: WindowOptions = WINDOW,
): Promise<P[] | null> {
  const table = ident(TYPE_CONFIG[type].table);
  const positions: P[] = [];
  let from = after;
  let scanned = 0;
  let size = options.rows;
  for (;;) {
    const [range] = keysetRanges("sqlite", type, query, from);
    positions.push(
      ...(await getDb().$queryRaw<P[]>(matchesSql(table, query, where, range, size, limit - positions.length))),
    );
    if (positions.length === limit) return positions;
    const [edge] = await getDb().$queryRaw<
      Record<string, unknown>[]
    >(sql`SELECT ${ident(query.sort)}, "id" FROM ${table}
      WHERE ${range.where} ORDER BY ${range.orderBy} LIMIT 1 OFFSET ${size - 1}`);
    if (!edge) return positions;
    from = { value: (edge[query.sort] ?? null) as CursorPosition["value"], resourceId: "", id: edge.id as string };
    scanned += size;
    // Read on while the matches seen so far say the page fills within the budget.
    const wanted = limit - positions.length;
    const projected = positions.length ? Math.ceil(((wanted * scanned) / positions.length) * 1.25) : Infinity;
    if (scanned + projected > options.budget) return null;
    size = Math.max(projected, 100);
  }
}

// The window's matching rows, in the range's order: the window's entries come from the sort's
// index alone (SQLite keeps the rowid in every index), and each is joined to its row to check
// the filter. CROSS JOIN keeps the window as the outer loop (SQLite does not reorder it).
function matchesSql(table: Sql, query: InventoryQuery, where: Sql, range: KeysetRange, size: number, limit: number) {
  const columns = join(
    [sql`${table}.${ident(query.sort)}`, sql`${table}."id"`, sql`${table}."rowid" AS "rowLocator"`],
    ", ",
  );
  return sql`SELECT ${columns} FROM (SELECT "rowid" AS "windowRow" FROM ${table} WHERE ${range.where}
      ORDER BY ${range.orderBy} LIMIT ${integer(size)}) AS "keysetWindow"
    CROSS JOIN ${table} ON ${table}."rowid" = "keysetWindow"."windowRow"
    WHERE ${where} ORDER BY ${range.orderBy} LIMIT ${integer(limit)}`;
}

// Whether the view is worth reading by windows: filtered (an unfiltered view reads the sort's
// index directly already), sorted by a column that leads an index of the table (without one,
// each window would sort the whole table: lastSeenAt has none, schema.prisma says why).
export function windowsServe(type: InventoryType, query: InventoryQuery): boolean {
  const filtered = Object.values(query.filters).some((value) => value !== undefined) || query.stale !== null;
  return filtered && (LEADING_INDEX_COLUMNS[TYPE_CONFIG[type].table]?.includes(query.sort) ?? false);
}
