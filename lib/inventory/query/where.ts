import "server-only";
import { getDatabaseTarget, getDb } from "../../db";
import { resourceTypeOf } from "../../resources/registry";
import { TYPE_CONFIG } from "./config";
import { staleScopeList } from "./context";
import { tagSearchSql, textSearchSql } from "./search-sql";
import { and, escapeLike, FALSE, ident, join, or, sql, type Dialect, type Sql } from "./sql";
import type { InventoryQuery, InventoryType } from "./types";

export const dialectOf = (): Dialect => getDatabaseTarget().provider;

// Exact equality (values come from the dropdowns), or a case-insensitive prefix match when the
// value ends with "*" (the Oracle preset: engine=oracle-*). Several values: any of them.
function matchAny(dialect: Dialect, column: string, values: string[]): Sql {
  const exact = values.filter((value) => !value.endsWith("*"));
  const prefixes = values.filter((value) => value.endsWith("*"));
  const like = dialect === "postgresql" ? sql`ILIKE` : sql`LIKE`;
  return or([
    ...(exact.length ? [inList(column, exact)] : []),
    ...prefixes.map((value) => sql`${ident(column)} ${like} ${`${escapeLike(value.slice(0, -1))}%`} ESCAPE '\\'`),
  ]);
}

const inList = (column: string, values: string[]): Sql =>
  values.length ? sql`${ident(column)} IN (${join(values)})` : FALSE;

/** Rows any of the connections saw ("seen by", not only the connection whose fields a row shows). */
export const seenByAny = (connectionIds: string[]): Sql =>
  or(connectionIds.map((id) => sql`"seenBy" LIKE ${`%|${escapeLike(id)}|%`} ESCAPE '\\'`));

// Translates the parsed query into the WHERE of the type's table: the values of one filter are
// alternatives, the filters all apply. Pages, counts and exports all read through it.
export async function buildWhere(type: InventoryType, query: InventoryQuery, dialect = dialectOf()): Promise<Sql> {
  const config = TYPE_CONFIG[type];
  const { filters } = query;
  const conditions: Sql[] = [];
  if (!query.includeRemoved) conditions.push(sql`"removedAt" IS NULL`);
  // "Seen by": every connection that saw the resource, not only the one whose fields it shows.
  if (filters.connection) conditions.push(seenByAny(filters.connection));
  if (filters.region) conditions.push(inList("region", filters.region));
  if (filters.account) conditions.push(inList("accountId", await accountIdsMatching(filters.account)));
  for (const [key, column] of Object.entries(config.filters)) {
    const values = filters[key as keyof typeof config.filters];
    if (values) conditions.push(matchAny(dialect, column, values));
  }
  if (filters.tag) conditions.push(tagSearchSql(filters.tag));
  if (filters.q) conditions.push(textSearchSql(dialect, config, filters.q));
  if (query.stale !== null) conditions.push(await staleWhere(type, query.stale));
  return and(conditions);
}

// Rows in (stale) or outside (not stale) the scopes no connection has current: one condition per
// region with its accounts, not one per scope.
async function staleWhere(type: InventoryType, stale: boolean): Promise<Sql> {
  const byRegion = new Map<string, string[]>();
  for (const scope of await staleScopeList(resourceTypeOf(type)))
    byRegion.set(scope.region, [...(byRegion.get(scope.region) ?? []), scope.accountId]);
  const inStale = or(
    [...byRegion].map(([region, accountIds]) => and([sql`"region" = ${region}`, inList("accountId", accountIds)])),
  );
  return stale ? inStale : sql`NOT (${inStale})`;
}

// An account filter matches the 12-digit ID or the alias (any connection) of any of its values.
async function accountIdsMatching(values: string[]): Promise<string[]> {
  // Aliases are few (one per account); comparing in JS keeps it case-insensitive on both databases.
  const accounts = await getDb().account.findMany({
    where: { alias: { not: null } },
    select: { accountId: true, alias: true },
  });
  const wanted = new Set(values.map((value) => value.toLowerCase()));
  return [
    ...new Set([
      ...values,
      ...accounts
        .filter((account) => wanted.has(account.alias?.toLowerCase() ?? ""))
        .map((account) => account.accountId),
    ]),
  ];
}
