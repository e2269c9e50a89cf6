import "server-only";
import { getDatabaseTarget, getDb } from "../../db";
import { TYPE_CONFIG } from "./config";
import type { InventoryQuery, InventoryType } from "./types";

type Where = Record<string, unknown>;

// Prisma's `mode: "insensitive"` exists only on PostgreSQL; SQLite's LIKE (what `contains`
// becomes) is already case-insensitive for ASCII, so it gets no mode.
function insensitive(): { mode?: "insensitive" } {
  return getDatabaseTarget().provider === "postgresql" ? { mode: "insensitive" } : {};
}

// Exact equality (values come from the dropdowns), or a case-insensitive prefix match when the value ends with "*" (the Oracle preset: engine=oracle-*).
function match(value: string): unknown {
  if (value.endsWith("*")) return { startsWith: value.slice(0, -1), ...insensitive() };
  return value;
}

// Translates the parsed query into a Prisma where clause for the type's model.
export async function buildWhere(type: InventoryType, query: InventoryQuery): Promise<Where> {
  const config = TYPE_CONFIG[type];
  const { filters } = query;
  const and: Where[] = [];
  if (!query.includeRemoved) and.push({ removedAt: null });
  // "Seen by": every connection that saw the resource, not only the one whose fields it shows.
  if (filters.connection) and.push({ seenBy: { contains: `|${filters.connection}|` } });
  if (filters.region) and.push({ region: filters.region });
  if (filters.account) and.push({ accountId: { in: await accountIdsMatching(filters.account) } });
  for (const [key, column] of Object.entries(config.filters)) {
    const value = filters[key as keyof typeof filters];
    if (value) and.push({ [column]: match(value) });
  }
  if (filters.tag) {
    // Tags live in the `data` JSON (lib/resources/rows.ts writes it with JSON.stringify), so a
    // key=value pair appears there verbatim as "key":"value".
    const [key, ...rest] = filters.tag.split("=");
    and.push({ data: { contains: `${JSON.stringify(key.trim())}:${JSON.stringify(rest.join("=").trim())}` } });
  }
  if (filters.q) {
    const contains = { contains: filters.q, ...insensitive() };
    const or: Where[] = [{ [config.idColumn]: contains }, { data: contains }];
    if (config.nameColumn) or.push({ [config.nameColumn]: contains });
    and.push({ OR: or });
  }
  return and.length ? { AND: and } : {};
}

// An account filter matches the 12-digit ID or the alias (any connection).
async function accountIdsMatching(value: string): Promise<string[]> {
  // Aliases are few (one per account); comparing in JS keeps it case-insensitive on both databases.
  const accounts = await getDb().account.findMany({ where: { alias: { not: null } }, select: { accountId: true, alias: true } });
  const wanted = value.toLowerCase();
  return [value, ...accounts.filter((account) => account.alias?.toLowerCase() === wanted).map((account) => account.accountId)];
}
