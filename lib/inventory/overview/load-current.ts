import "server-only";
import type { DbInstanceRow, HostRow, InstanceRow, ReservedInstanceRow } from "@/lib/resources/rows";
import { getDb } from "@/lib/db";
import { and, ident, join, sql } from "../query/sql";
import { seenByAny } from "../query/where";
import type { CoverageGroup } from "./ri-coverage";

// The current (non-removed) rows of every connection, or of the given ones. Instances are
// counted by the database (there may be a million: groups of their typed columns, no row or
// JSON loaded); the few hosts, RIs and databases are read from their stored row JSON, which has
// every mapped field.

type Located = { accountId: string; region: string; connectionId: string };
// COUNT and SUM come back as BigInt from PostgreSQL (and COUNT from SQLite).
type Count = number | bigint;
// NOT NULL in the schema: account, region, licensed product and licence model.
type GroupColumns<Names extends readonly string[]> = {
  [Name in Names[number]]: Name extends "accountId" | "region" | "licensedProduct" | "licenceModel"
    ? string
    : string | null;
};

// What the figures group instances by (summarizeInventory: licence, state, host); `vcpus` is
// the group's sum, `instances` its count.
const SUMMARY_GROUP = ["accountId", "region", "state", "licensedProduct", "licenceModel", "hostId"] as const;
// What RI coverage matches on, for the running on-demand instances it can cover.
const COVERAGE_GROUP = [
  "accountId",
  "region",
  "availabilityZone",
  "instanceType",
  "platformDetails",
  "tenancy",
] as const;

/** Alike instances (same account, region, state, licence and host), with their count and vCPU sum. */
export type OverviewInstanceGroup = Pick<InstanceRow, "state" | "licensedProduct" | "licenceModel" | "hostId"> & {
  accountId: string;
  region: string;
  vcpus: number | null;
  instances: number;
};

export type CurrentInventory = {
  instances: OverviewInstanceGroup[];
  /**
   * Running on-demand instances by what an RI matches on (ri-coverage.ts), with their count; those
   * no active RI could cover come per type, platform and tenancy, with an empty account and region.
   */
  coverage: CoverageGroup[];
  hosts: (HostRow & Located)[];
  reservedInstances: (ReservedInstanceRow & Located)[];
  dbInstances: (DbInstanceRow & Located)[];
  accounts: { accountId: string; alias: string | null }[];
};

export async function loadCurrentInventory(connectionIds?: string[]): Promise<CurrentInventory> {
  const db = getDb();
  // Raw SQL: there are up to tens of thousands of groups, which Prisma's groupBy took ~4x longer
  // to hand back (the same measure as the inventory's pages). Given connections: the resources
  // any of them sees (one row each, however many see it).
  const current = and([sql`"removedAt" IS NULL`, ...(connectionIds ? [seenByAny(connectionIds)] : [])]);
  const columns = (names: readonly string[]) => join(names.map(ident), ", ");
  // The few hosts, RIs and databases: every mapped field from the stored row JSON.
  const stored = async <R>(table: string) =>
    (
      await db.$queryRaw<{ connectionId: string; accountId: string; region: string; data: string }[]>(
        sql`SELECT "connectionId", "accountId", "region", "data" FROM ${ident(table)} WHERE ${current}`,
      )
    ).map((row) => ({
      ...(JSON.parse(row.data) as R),
      connectionId: row.connectionId,
      accountId: row.accountId,
      region: row.region,
    }));
  // Every connection's instances: the tallies the triggers keep (migration 20261207150426). A
  // connection's own: its rows counted into the same groups.
  const summaryGroups = connectionIds
    ? sql`SELECT ${columns(SUMMARY_GROUP)}, SUM("vcpus") AS "vcpus", COUNT(*) AS "instances" FROM "Ec2Instance"
      WHERE ${current} GROUP BY ${columns(SUMMARY_GROUP)}`
    : sql`SELECT ${columns(SUMMARY_GROUP)}, "vcpus", "instances" FROM "Ec2InstanceTally"`;
  const coverageGroups = connectionIds
    ? sql`SELECT ${columns(COVERAGE_GROUP)}, COUNT(*) AS "instances" FROM "Ec2Instance"
      WHERE ${current} AND "state" = 'running' AND "lifecycle" = 'on-demand' GROUP BY ${columns(COVERAGE_GROUP)}`
    : sql`SELECT ${columns(COVERAGE_GROUP)}, "instances" FROM "Ec2CoverageTally"`;
  // An RI covers only its own account's instances of its type in its region: groups with no such
  // active RI are uncovered whatever their AZ, so they come summed per type, platform and tenancy
  // under no account (tens of thousands of groups at 1M: riCoverage took 100 ms over them). The
  // groups of each pool are looked up (pools first: SQLite keeps a CROSS JOIN's order, and without
  // statistics it scanned every group once per pool); the others are each kind's total less them.
  const pooled = sql`WITH "alike" AS (${coverageGroups}),
    "pools" AS MATERIALIZED (SELECT DISTINCT "accountId", "region", "instanceType" FROM "ReservedInstance"
      WHERE "removedAt" IS NULL AND "state" = 'active')
    SELECT ${join(
      COVERAGE_GROUP.map((column) => sql`g.${ident(column)}`),
      ", ",
    )}, g."instances" FROM "pools" AS p CROSS JOIN "alike" AS g
    WHERE p."accountId" = g."accountId" AND p."region" = g."region" AND p."instanceType" = g."instanceType"`;
  const kinds = sql`SELECT "instanceType", "platformDetails", "tenancy", SUM("instances") AS "instances"
    FROM (${coverageGroups}) AS "alike" GROUP BY "instanceType", "platformDetails", "tenancy"`;
  const [instances, coverable, kindTotals, hosts, reservedInstances, dbInstances, accounts] = await Promise.all([
    db.$queryRaw<(GroupColumns<typeof SUMMARY_GROUP> & { vcpus: Count | null; instances: Count })[]>(summaryGroups),
    db.$queryRaw<(GroupColumns<typeof COVERAGE_GROUP> & { instances: Count })[]>(pooled),
    db.$queryRaw<KindGroup[]>(kinds),
    stored<HostRow>("DedicatedHost"),
    stored<ReservedInstanceRow>("ReservedInstance"),
    stored<DbInstanceRow>("DbInstance"),
    db.account.findMany({
      where: connectionIds ? { connectionId: { in: connectionIds } } : {},
      select: { accountId: true, alias: true },
    }),
  ]);
  return {
    instances: instances.map((group) => ({
      ...group,
      licenceModel: group.licenceModel as InstanceRow["licenceModel"],
      vcpus: group.vcpus === null ? null : Number(group.vcpus),
      instances: Number(group.instances),
    })),
    coverage: [...coverable, ...uncoverable(coverable, kindTotals)].map((group) => ({
      ...group,
      state: "running",
      lifecycle: "on-demand",
      instances: Number(group.instances),
    })),
    hosts,
    reservedInstances,
    dbInstances,
    accounts,
  };
}

type KindGroup = {
  instanceType: string | null;
  platformDetails: string | null;
  tenancy: string | null;
  instances: Count;
};
const kindOf = (group: KindGroup) => JSON.stringify([group.instanceType, group.platformDetails, group.tenancy]);

// Per type, platform and tenancy: the instances in no RI pool (the kind's total less its pooled
// groups), under no account, region or AZ; kinds all of whose instances are pooled are left out.
function uncoverable(pooled: KindGroup[], totals: KindGroup[]) {
  const inPools = new Map<string, number>();
  for (const group of pooled) {
    const kind = kindOf(group);
    inPools.set(kind, (inPools.get(kind) ?? 0) + Number(group.instances));
  }
  return totals
    .map((kind) => ({
      accountId: "",
      region: "",
      availabilityZone: null,
      instanceType: kind.instanceType,
      platformDetails: kind.platformDetails,
      tenancy: kind.tenancy,
      instances: Number(kind.instances) - (inPools.get(kindOf(kind)) ?? 0),
    }))
    .filter((kind) => kind.instances > 0);
}
