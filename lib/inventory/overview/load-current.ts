import "server-only";
import type { DbInstanceRow, HostRow, InstanceRow, ReservedInstanceRow } from "@/lib/resources/rows";
import { getDb } from "@/lib/db";
import { and, ident, join, sql } from "../query/sql";
import { seenByAny } from "../query/where";
import type { CoverageGroup } from "./ri-coverage";

// The current (non-removed) rows of every connection, or of the given ones. Instances are
// counted by the database (there may be a million: GROUP BY on their typed columns, no row or
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
  /** Running on-demand instances by what an RI matches on (ri-coverage.ts), with their count. */
  coverage: CoverageGroup[];
  hosts: (HostRow & Located)[];
  reservedInstances: (ReservedInstanceRow & Located)[];
  dbInstances: (DbInstanceRow & Located)[];
  accounts: { accountId: string; alias: string | null }[];
};

export async function loadCurrentInventory(connectionIds?: string[]): Promise<CurrentInventory> {
  const db = getDb();
  // Raw SQL: the two GROUP BYs have up to tens of thousands of groups, which Prisma's groupBy
  // took ~4x longer to hand back (the same measure as the inventory's pages). Given connections:
  // the resources any of them sees (one row each, however many see it).
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
  const [instances, coverage, hosts, reservedInstances, dbInstances, accounts] = await Promise.all([
    db.$queryRaw<(GroupColumns<typeof SUMMARY_GROUP> & { vcpus: Count | null; instances: Count })[]>(sql`
      SELECT ${columns(SUMMARY_GROUP)}, SUM("vcpus") AS "vcpus", COUNT(*) AS "instances" FROM "Ec2Instance"
      WHERE ${current} GROUP BY ${columns(SUMMARY_GROUP)}`),
    db.$queryRaw<(GroupColumns<typeof COVERAGE_GROUP> & { instances: Count })[]>(sql`
      SELECT ${columns(COVERAGE_GROUP)}, COUNT(*) AS "instances" FROM "Ec2Instance"
      WHERE ${current} AND "state" = 'running' AND "lifecycle" = 'on-demand' GROUP BY ${columns(COVERAGE_GROUP)}`),
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
    coverage: coverage.map((group) => ({
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
