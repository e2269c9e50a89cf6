// The inventory write path as plain, parameterised SQL. Prisma's createMany / updateMany build
// every row through its query compiler, which cost ~1 ms of CPU per instance row (issue 5's
// bench); these statements do the same work many times faster. The SQL is portable between
// SQLite and PostgreSQL (quoted identifiers, ON CONFLICT upsert, IN lists); only the
// placeholder syntax differs.

export type Dialect = "sqlite" | "postgresql";

const quote = (name: string) => `"${name}"`;

function placeholders(dialect: Dialect) {
  let next = 0;
  return () => (dialect === "postgresql" ? `$${++next}` : (next++, "?"));
}

// INSERT INTO table (columns) VALUES (...) x rowCount.
export function insertSql(dialect: Dialect, table: string, columns: string[], rowCount: number): string {
  const next = placeholders(dialect);
  const tuples = Array.from({ length: rowCount }, () => `(${columns.map(next).join(",")})`);
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(",")}) VALUES ${tuples.join(",")}`;
}

// UPDATE table SET a = ?, b = ? WHERE id IN (? x idCount): the same values on many rows.
export function updateByIdsSql(dialect: Dialect, table: string, setColumns: string[], idCount: number): string {
  const next = placeholders(dialect);
  const assignments = setColumns.map((column) => `${quote(column)} = ${next()}`).join(", ");
  return `UPDATE ${quote(table)} SET ${assignments} WHERE "id" IN (${Array.from({ length: idCount }, next).join(",")})`;
}

// DELETE FROM table WHERE column IN (? x idCount).
export function deleteByIdsSql(dialect: Dialect, table: string, column: string, idCount: number): string {
  const next = placeholders(dialect);
  return `DELETE FROM ${quote(table)} WHERE ${quote(column)} IN (${Array.from({ length: idCount }, next).join(",")})`;
}

// The rows of one account + region of a resource table (every connection's), keyed by the AWS id.
export function selectScopeSql(dialect: Dialect, table: string, idField: string): string {
  const next = placeholders(dialect);
  return `SELECT "id", ${quote(idField)} AS "resourceId", "data", "removedAt", "seenBy" FROM ${quote(table)} WHERE "accountId" = ${next()} AND "region" = ${next()}`;
}

// Every connection's sightings of one account + region + resource type.
export function selectSightingsSql(dialect: Dialect): string {
  const next = placeholders(dialect);
  return `SELECT "resourceId", "connectionId", "endedAt" FROM "Sighting" WHERE "resourceType" = ${next()} AND "accountId" = ${next()} AND "region" = ${next()}`;
}

// UPDATE one connection's sightings of one scope, by resource id: the same values on many.
export function updateSightingsSql(dialect: Dialect, setColumns: string[], idCount: number): string {
  const next = placeholders(dialect);
  const assignments = setColumns.map((column) => `${quote(column)} = ${next()}`).join(", ");
  const scope = `"resourceType" = ${next()} AND "accountId" = ${next()} AND "region" = ${next()} AND "connectionId" = ${next()}`;
  return `UPDATE "Sighting" SET ${assignments} WHERE ${scope} AND "resourceId" IN (${Array.from({ length: idCount }, next).join(",")})`;
}

export const SCOPE_STATE_COLUMNS = [
  "connectionId",
  "accountId",
  "region",
  "resourceType",
  "lastSuccessAt",
  "lastAttemptAt",
  "lastStatus",
  "lastErrorCode",
  "lastRunId",
  "stale",
];

// A scope read completely: its state says so, and is no longer stale.
export function scopeSucceededSql(dialect: Dialect): string {
  const keys = SCOPE_STATE_COLUMNS.slice(0, 4).map(quote).join(",");
  const updates = SCOPE_STATE_COLUMNS.slice(4)
    .map((column) => `${quote(column)} = excluded.${quote(column)}`)
    .join(", ");
  return `${insertSql(dialect, "ScopeState", SCOPE_STATE_COLUMNS, 1)} ON CONFLICT (${keys}) DO UPDATE SET ${updates}`;
}

// Splits rows so that one statement binds at most maxValues values (SQLite's default limit is
// 32,766; PostgreSQL's 65,535) and at most maxRows rows.
export function batches<T>(items: T[], valuesPerItem: number, maxValues = 30_000, maxRows = 500): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxValues / valuesPerItem)));
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
