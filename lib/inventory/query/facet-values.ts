import "server-only";
import { resourceTypeOf } from "../../resources/registry";
import { getDb } from "../../db";
import { TYPE_CONFIG } from "./config";
import { modelOf } from "./model";
import { LEADING_INDEX_COLUMNS, looseScan } from "./loose-scan";
import { sql, TRUE } from "./sql";
import { type FacetValues, type InventoryType } from "./types";

// Distinct values for the filter dropdowns, over the rows still present.
export async function facetValues(type: InventoryType): Promise<FacetValues> {
  const config = TYPE_CONFIG[type];
  const model = modelOf(type);
  const db = getDb();
  const distinct = async (column: string) => {
    const values = LEADING_INDEX_COLUMNS[config.table]?.includes(column)
      ? (await db.$queryRaw<{ value: unknown }[]>(looseScan(config.table, column, sql`"removedAt" IS NULL`))).map(
          (row) => row.value,
        )
      : (await model.groupBy({ by: [column], where: { removedAt: null }, orderBy: { [column]: "asc" } })).map(
          (group) => group[column],
        );
    return values.filter((value): value is string => typeof value === "string" && value !== "");
  };
  const facets: FacetValues = {};
  // The Connection filter means "seen by": every connection with a sighting of this type (the
  // few connections by a loose scan, each checked for one).
  const seenBy = async () =>
    (
      await db.$queryRaw<{ value: string }[]>(sql`SELECT "value" FROM (${looseScan("Sighting", "connectionId", TRUE)})
        AS "connections" WHERE EXISTS (SELECT 1 FROM "Sighting" WHERE "connectionId" = "connections"."value"
        AND "resourceType" = ${resourceTypeOf(type)}) ORDER BY "value"`)
    ).map((row) => row.value);
  const [regions, accountIds, connectionIds] = await Promise.all([distinct("region"), distinct("accountId"), seenBy()]);
  const [accounts, connections] = await Promise.all([
    db.account.findMany({ where: { accountId: { in: accountIds } }, select: { accountId: true, alias: true } }),
    db.connection.findMany({ where: { id: { in: connectionIds } }, select: { id: true, name: true } }),
  ]);
  const alias = new Map(accounts.filter((a) => a.alias).map((a) => [a.accountId, a.alias as string]));
  facets.region = regions.map((value) => ({ value, label: value }));
  facets.account = accountIds.map((value) => ({
    value,
    label: alias.has(value) ? `${alias.get(value)} (${value})` : value,
  }));
  const names = new Map(connections.map((c) => [c.id, c.name]));
  facets.connection = connectionIds.map((value) => ({ value, label: names.get(value) ?? value }));
  for (const [key, column] of Object.entries(config.filters)) {
    facets[key as keyof FacetValues] = (await distinct(column)).map((value) => ({ value, label: value }));
  }
  return facets;
}
