import { ValidationError } from "../../errors";
import { COLUMNS } from "./columns";
import { TYPE_CONFIG } from "./config";
import { and, ident, join, param, sql, TRUE, type Dialect, type Sql } from "./sql";
import type { InventoryQuery, InventoryType } from "./types";

// Keyset pagination for the REST API and exports: rows ordered by (sort column, row id), the
// next page starting after the last row's values. Unlike offset paging it costs the same on
// page 1 and page 1000, and rows inserted meanwhile never shift a page.
//
// NULL sort values go LAST in both directions, on both databases. Left to themselves SQLite
// puts NULLs first for asc and PostgreSQL last, so the same cursor would skip or repeat rows
// depending on the database; NULLS LAST makes the order explicit.

type SortValue = string | number | boolean | Date | null;
export type CursorPosition = { value: SortValue; resourceId: string; id: string };
type Kind = "string" | "number" | "boolean" | "date";

// Sortable columns declared NOT NULL in the schema besides each type's identity (Prisma refuses
// `nulls` on them); cursor.test.ts holds this against prisma/sqlite/schema.prisma.
const NOT_NULL = new Set([
  "accountId",
  "region",
  "firstSeenAt",
  "lastSeenAt",
  "licensedProduct",
  "licenceModel",
  "dbInstanceIdentifier",
]);

// NOT NULL in one table only: a host's name is optional, an application's never.
const NOT_NULL_IN: Partial<Record<InventoryType, readonly string[]>> = {
  "installed-software": ["instanceId", "name"],
};

export function isNullable(type: InventoryType, column: string): boolean {
  return column !== TYPE_CONFIG[type].idColumn && !NOT_NULL.has(column) && !NOT_NULL_IN[type]?.includes(column);
}

function kindOf(type: InventoryType, sort: string): Kind {
  return COLUMNS[type].find((column) => column.sort === sort)?.kind ?? "string";
}

// The ORDER BY of a keyset page. Rows with the same value follow in row id order (the order the
// collector first stored them: its ids grow with time), in the sort's direction, so one index
// (column, row id) serves both directions: read forwards for ascending, backwards for descending
// (an unfiltered sort of 100k rows: 64 ms -> 0.1 ms on SQLite). Not the resource id: an index
// (column, resource id, row id) gets each new row at a random place, which made the collector's
// writes of 100k instances 45 % slower for the nine sort indexes (bench:inventory's fill, SQLite);
// (column, row id) gets it at the end of its value's range and costs nearly nothing.
// NULLS LAST only where the column may hold NULLs (the order of a whole page; each keyset range
// reads its index in an order of its own, below).
export function keysetOrderBy(type: InventoryType, query: Pick<InventoryQuery, "sort" | "order">): Sql {
  const { sort, order } = query;
  const direction = order === "asc" ? sql`ASC` : sql`DESC`;
  const first = isNullable(type, sort) ? sql`${ident(sort)} ${direction} NULLS LAST` : sql`${ident(sort)} ${direction}`;
  return join([first, ...tieBreakers(query)], ", ");
}

// The row id in the sort's direction.
function tieBreakers({ order }: Pick<InventoryQuery, "order">): Sql[] {
  return [sql`"id" ${order === "asc" ? sql`ASC` : sql`DESC`}`];
}

// The rows strictly after `after` in keysetOrderBy's order, as index ranges to read one after
// the other, each with the ORDER BY that reads its index: for a column that may hold NULLs,
// first the values past the cursor (ordered without NULLS LAST, since the range holds none: so
// PostgreSQL reads the one ascending index backwards for descending too, as SQLite does), then
// the NULLs, ordered by row id alone. An OR of the two would make SQLite and PostgreSQL
// walk the whole index from its start, with every other filter checked row by row: a deep page
// of q=... sorted by vCPUs took 1.5 s on PostgreSQL. Without a cursor: every row, in the same
// ranges.
export type KeysetRange = { where: Sql; orderBy: Sql };

export function keysetRanges(
  dialect: Dialect,
  type: InventoryType,
  query: Pick<InventoryQuery, "sort" | "order">,
  after: CursorPosition | null,
): KeysetRange[] {
  const { sort, order } = query;
  const column = ident(sort);
  const nullable = isNullable(type, sort);
  const direction = order === "asc" ? sql`ASC` : sql`DESC`;
  const ties = tieBreakers(query);
  const values = (where: Sql): KeysetRange => ({ where, orderBy: join([sql`${column} ${direction}`, ...ties], ", ") });
  const nulls = (...where: Sql[]): KeysetRange => ({
    where: and([sql`${column} IS NULL`, ...where]),
    orderBy: join(ties, ", "),
  });
  if (!after) return nullable ? [values(sql`${column} IS NOT NULL`), nulls()] : [values(TRUE)];
  const beyond = order === "asc" ? sql`>` : sql`<`;
  // Past the last non-NULL value only NULLs remain, ordered by row id alone.
  if (after.value === null) return [nulls(sql`"id" ${beyond} ${after.id}`)];
  // A row value: both databases seek the (column, row id) index straight to the cursor. Written
  // as "column >= v AND (column > v OR id > x)" the read started at the value's first entry and
  // stepped over every row before the cursor: 6 ms instead of 0.3 ms 85,000 rows into a
  // state=running sort at 100k instances (SQLite), ten times that at 1M.
  const onward = sql`(${column}, "id") ${beyond} (${param(dialect, after.value)}, ${after.id})`;
  return nullable ? [values(onward), nulls()] : [values(onward)];
}

type Encoded = { s: string; o: "asc" | "desc"; v: string | number | boolean | null; r: string; i: string };

// Opaque to clients: base64url JSON of the sort, the last row's sort value and its ids. The
// resource id (r) no longer orders pages (the row id does): pages leave it empty (reading it
// would cost a table read per position), and cursors handed out before, which carry it, still
// decode.
export function encodeCursor(query: Pick<InventoryQuery, "sort" | "order">, position: CursorPosition): string {
  const value = position.value instanceof Date ? position.value.toISOString() : position.value;
  const encoded: Encoded = { s: query.sort, o: query.order, v: value, r: position.resourceId, i: position.id };
  return Buffer.from(JSON.stringify(encoded), "utf8").toString("base64url");
}

/** The cursor of the page that starts after `last` (its sort column and row id). */
export function cursorAfter(
  type: InventoryType,
  query: Pick<InventoryQuery, "sort" | "order">,
  last: { id: string } & Record<string, unknown>,
): string {
  return encodeCursor(query, {
    value: (last[query.sort] ?? null) as SortValue,
    resourceId: String(last[TYPE_CONFIG[type].idColumn] ?? ""),
    id: last.id,
  });
}

export function decodeCursor(
  type: InventoryType,
  query: Pick<InventoryQuery, "sort" | "order">,
  cursor: string,
): CursorPosition {
  const invalid = (message: string) => new ValidationError("Invalid cursor", { cursor: [message] });
  let encoded: Partial<Encoded>;
  try {
    if (cursor.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    encoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Encoded>;
  } catch {
    throw invalid("Not a cursor from this API: pass nextCursor from the previous page unchanged");
  }
  if (
    !encoded ||
    typeof encoded !== "object" ||
    !isStoredText(encoded.r) ||
    !isStoredText(encoded.i) ||
    !("v" in encoded)
  ) {
    throw invalid("Not a cursor from this API: pass nextCursor from the previous page unchanged");
  }
  if (encoded.s !== query.sort || encoded.o !== query.order) {
    throw invalid(
      `The cursor belongs to another sort (${String(encoded.s)} ${String(encoded.o)}); keep sort and order, or start again without a cursor`,
    );
  }
  return { value: decodeValue(type, query.sort, encoded.v, invalid), resourceId: encoded.r, id: encoded.i };
}

// A value the database could hold in the sort column, checked here because the driver answers
// anything else with an error (a 500) instead of an empty page: Prisma refuses non-integers and
// integers past 32 bits for Int columns, PostgreSQL refuses NUL in text, and dates outside
// years 1970-9999 (AWS has none) overflow the drivers' date formats.
function decodeValue(
  type: InventoryType,
  sort: string,
  value: unknown,
  invalid: (message: string) => Error,
): SortValue {
  const wrong = (why: string) => invalid(`The cursor's value does not fit the ${sort} column: ${why}`);
  if (value === null) {
    if (!isNullable(type, sort)) throw wrong("it is never empty");
    return null;
  }
  const kind = kindOf(type, sort);
  if (kind === "date") {
    const date = typeof value === "string" && value.length <= 40 ? new Date(value) : null;
    if (!date || !(date.getTime() >= MIN_DATE && date.getTime() <= MAX_DATE)) throw wrong("a date from 1970 to 9999");
    return date;
  }
  if (kind === "number" && !(Number.isInteger(value) && (value as number) >= INT_MIN && (value as number) <= INT_MAX))
    throw wrong(`a whole number from ${INT_MIN} to ${INT_MAX}`);
  if (kind === "boolean" && typeof value !== "boolean") throw wrong("true or false");
  if (kind === "string" && !isStoredText(value)) throw wrong(`text of up to ${MAX_TEXT} characters without NUL`);
  return value as SortValue;
}

// Every sortable number column is a 32-bit Int in both schemas.
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const MIN_DATE = Date.UTC(1970, 0, 1);
const MAX_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
// AWS identifiers and tag values are at most 256 characters; the cursor itself is capped at 4 KB.
const MAX_TEXT = 1024;

function isStoredText(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_TEXT && !value.includes("\u0000") && value.isWellFormed();
}
