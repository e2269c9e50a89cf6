import "server-only";
import { getDatabaseTarget, getDb } from "../../db";
import { resourceTypeOf } from "../../resources/registry";
import { TYPE_CONFIG } from "./config";
import { staleScopeList } from "./context";
import type { InventoryQuery, InventoryType } from "./types";

type Where = Record<string, unknown>;

// Prisma's `mode: "insensitive"` exists only on PostgreSQL; SQLite's LIKE (what `contains`
// becomes) is already case-insensitive for ASCII, so it gets no mode.
function insensitive(): { mode?: "insensitive" } {
  return getDatabaseTarget().provider === "postgresql" ? { mode: "insensitive" } : {};
}

// Exact equality (values come from the dropdowns), or a case-insensitive prefix match when the value ends with "*" (the Oracle preset: engine=oracle-*).
// Several values: any of them (one IN for the exact ones).
function matchAny(column: string, values: string[]): Where {
  const exact = values.filter((value) => !value.endsWith("*"));
  const prefixes = values.filter((value) => value.endsWith("*"));
  return anyOf([
    ...(exact.length === 1 ? [{ [column]: exact[0] }] : exact.length ? [{ [column]: { in: exact } }] : []),
    ...prefixes.map((value) => ({ [column]: { startsWith: value.slice(0, -1), ...insensitive() } })),
  ]);
}

const anyOf = (conditions: Where[]): Where => (conditions.length === 1 ? conditions[0] : { OR: conditions });

// Translates the parsed query into a Prisma where clause for the type's model: the values of one
// filter are alternatives, the filters all apply.
export async function buildWhere(type: InventoryType, query: InventoryQuery): Promise<Where> {
  const config = TYPE_CONFIG[type];
  const { filters } = query;
  const and: Where[] = [];
  if (!query.includeRemoved) and.push({ removedAt: null });
  // "Seen by": every connection that saw the resource, not only the one whose fields it shows.
  if (filters.connection) and.push(anyOf(filters.connection.map((id) => ({ seenBy: { contains: `|${id}|` } }))));
  if (filters.region) and.push({ region: { in: filters.region } });
  if (filters.account) and.push({ accountId: { in: await accountIdsMatching(filters.account) } });
  for (const [key, column] of Object.entries(config.filters)) {
    const values = filters[key as keyof typeof config.filters];
    if (values) and.push(matchAny(column, values));
  }
  if (filters.tag) {
    // Tags live in the `data` JSON (lib/resources/rows.ts writes it with JSON.stringify), so a
    // key=value pair appears there verbatim as "key":"value".
    and.push(
      anyOf(
        filters.tag.map((tag) => {
          const [key, ...rest] = tag.split("=");
          return { data: { contains: `${JSON.stringify(key.trim())}:${JSON.stringify(rest.join("=").trim())}` } };
        }),
      ),
    );
  }
  if (filters.q) {
    const contains = { contains: filters.q, ...insensitive() };
    const or: Where[] = [{ [config.idColumn]: contains }, { data: contains }];
    if (config.nameColumn) or.push({ [config.nameColumn]: contains });
    and.push({ OR: or });
  }
  if (query.stale !== null) and.push(await staleWhere(type, query.stale));
  return and.length ? { AND: and } : {};
}

// Rows in (stale) or outside (not stale) the scopes no connection has current. One condition per
// region with its accounts, not one per scope: SQLite caps how deeply ORs may nest.
async function staleWhere(type: InventoryType, stale: boolean): Promise<Where> {
  const byRegion = new Map<string, string[]>();
  for (const scope of await staleScopeList(resourceTypeOf(type)))
    byRegion.set(scope.region, [...(byRegion.get(scope.region) ?? []), scope.accountId]);
  const inStale: Where = {
    OR: [...byRegion].map(([region, accountIds]) => ({ region, accountId: { in: accountIds } })),
  };
  if (stale) return byRegion.size ? inStale : { id: { in: [] } };
  return byRegion.size ? { NOT: inStale } : {};
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
