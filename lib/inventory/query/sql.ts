import { Prisma } from "../../db/generated/sqlite/client";

// Inventory reads are raw SQL built from these fragments (parameters stay parameters): the free
// text and tag filters join trigram indexes Prisma's query API cannot name, and pages, counts and
// exports share one WHERE. Both databases take the same text except where `Dialect` says.
export type Sql = Prisma.Sql;
export type Dialect = "sqlite" | "postgresql";
export const sql = Prisma.sql;
export const join = Prisma.join;

/** A quoted identifier. Names come from the resource registry's whitelists, never from a request. */
export const ident = (name: string): Sql => Prisma.raw(`"${name.replace(/"/g, '""')}"`);

export const TRUE: Sql = sql`1 = 1`;
export const FALSE: Sql = sql`1 = 0`;

export function and(parts: Sql[]): Sql {
  if (!parts.length) return TRUE;
  return parts.length === 1 ? parts[0] : sql`(${join(parts, " AND ")})`;
}

export function or(parts: Sql[]): Sql {
  if (!parts.length) return FALSE;
  return parts.length === 1 ? parts[0] : sql`(${join(parts, " OR ")})`;
}

/** `text` matched literally inside a LIKE pattern (with ESCAPE '\'). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

// Values as each database stores them: SQLite (as Prisma writes it) keeps dates as ISO text with
// "+00:00" and booleans as 0 / 1, so comparisons against stored values need the same form.
export function param(dialect: Dialect, value: unknown): unknown {
  if (dialect === "postgresql") return value;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** A whole number written into the SQL text (a constant column: a parameter there has no type on PostgreSQL). */
export const integer = (value: number): Sql => Prisma.raw(String(Math.trunc(value)));
