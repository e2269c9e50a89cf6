import { ident, sql, type Sql } from "./sql";

// Tables' columns that lead an index in both schemas (loose-scan.test.ts holds this against
// prisma/*/schema.prisma): their distinct values are read by a loose index scan, and a filtered
// page sorted by one reads its index in windows (keyset-window.ts).
export const LEADING_INDEX_COLUMNS: Record<string, readonly string[]> = {
  Ec2Instance: [
    ...["accountId", "region", "state", "instanceType", "licensedProduct", "licenceModel", "tenancy"],
    ...["instanceId", "name", "vcpus", "launchTime", "hostId", "firstSeenAt"],
  ],
  DedicatedHost: ["accountId"],
  ReservedInstance: ["accountId"],
  DbInstance: ["accountId", "engine"],
  ManagedNode: ["accountId", "pingStatus"],
  InstalledSoftware: ["accountId", "product", "instanceId"],
  Sighting: ["connectionId"],
};

// The distinct values of an indexed column, in order, by a loose index scan: each step seeks the
// index straight past the value before, so the cost grows with the number of values rather than
// rows. A GROUP BY read every row: the instances page's dropdowns took 2.3-3.5 s at 1M
// instances on SQLite (region and tenancy, whose indexes lack removedAt, 0.8-1.1 s each).
export function looseScan(table: string, column: string, where: Sql): Sql {
  const [from, value] = [ident(table), ident(column)];
  return sql`WITH RECURSIVE "facet"("value") AS (
      SELECT (SELECT ${value} FROM ${from} WHERE ${value} IS NOT NULL AND ${where} ORDER BY ${value} LIMIT 1)
      UNION ALL
      SELECT (SELECT ${value} FROM ${from} WHERE ${value} > "facet"."value" AND ${where} ORDER BY ${value} LIMIT 1)
      FROM "facet" WHERE "facet"."value" IS NOT NULL)
    SELECT "value" FROM "facet" WHERE "value" IS NOT NULL`;
}
