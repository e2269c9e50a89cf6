// Issue 11: a database filled by the version before "one row per AWS resource" (three
// connections over one organization, rows per connection) upgrades by migration alone and keeps
// every history: one row per resource, first seen the earliest over connections, live while any
// connection still saw it, seen by each of them, every change event kept. RDS DB instances,
// collected then under their identifier, are then identified by their DbiResourceId, and their
// history moves with them.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { expectTallyToMatchRows } from "../support/instance-tally";
import { freshDatabaseAt, loadFixtureRows, readFixtureRows, removeFreshDatabase } from "../support/load-fixture-rows";

type WorldResource = {
  table: string;
  resourceType: string;
  accountId: string;
  region: string;
  resourceId: string;
  firstSeenAt: string;
  connectionIds: string[];
  live: boolean;
  changeEvents: number;
};

const dir = "tests/fixtures/pre-identity";
const fixture = readFixtureRows(dir);
const world = JSON.parse(fs.readFileSync(`${dir}/world.json`, "utf8")) as { resources: WorldResource[] };
const ID_FIELD: Record<string, string> = {
  Ec2Instance: "instanceId",
  DedicatedHost: "hostId",
  ReservedInstance: "reservedInstancesId",
  DbInstance: "dbInstanceIdentifier",
};
const previousUrl = process.env.DATABASE_URL;
let url: string;

type Row = {
  accountId: string;
  region: string;
  firstSeenAt: Date;
  removedAt: Date | null;
  removedReason: string | null;
  seenBy: string;
} & Record<string, unknown>;
const model = (table: string) =>
  getDb()[(table.charAt(0).toLowerCase() + table.slice(1)) as "ec2Instance"] as unknown as {
    findMany(args?: unknown): Promise<Row[]>;
  };
const keyOf = (accountId: string, region: string, resourceId: string) => `${accountId}|${region}|${resourceId}`;

// The fixture's DB instances were stored under their identifier; each observation also holds
// the DB's DbiResourceId, its identity from now on.
const dbiResourceIds = new Map(
  fixture.tables.DbInstance.map((row) => [
    keyOf(String(row.accountId), String(row.region), String(row.dbInstanceIdentifier)),
    (JSON.parse(String(row.data)) as { dbiResourceId: string }).dbiResourceId,
  ]),
);
// The id a resource's history is kept under now.
const identityOf = (resource: WorldResource) =>
  resource.table === "DbInstance"
    ? dbiResourceIds.get(keyOf(resource.accountId, resource.region, resource.resourceId))!
    : resource.resourceId;

beforeAll(async () => {
  url = await freshDatabaseAt(fixture.migration);
  // Before the first database call of this file: the app reads DATABASE_URL once.
  process.env.DATABASE_URL = url;
  await loadFixtureRows(fixture);
  await disconnectDb(); // the migration engine is another process: let go of the file first
  applyMigrations(); // exactly as at server start: every later migration, on the filled database
}, 180_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = previousUrl;
  if (url) removeFreshDatabase(url);
});

describe("upgrading a database of per-connection rows", () => {
  it.each(Object.keys(ID_FIELD))(
    "keeps one %s row per AWS resource, with the earliest first sighting, liveness and seen-by of all connections",
    async (table) => {
      const expected = world.resources.filter((resource) => resource.table === table);
      const rows = await model(table).findMany();
      expect(rows.length).toBe(expected.length);
      const byKey = new Map(rows.map((row) => [keyOf(row.accountId, row.region, String(row[ID_FIELD[table]])), row]));
      for (const resource of expected) {
        const row = byKey.get(keyOf(resource.accountId, resource.region, resource.resourceId));
        expect(row, resource.resourceId).toBeDefined();
        expect(row!.firstSeenAt.toISOString(), resource.resourceId).toBe(resource.firstSeenAt);
        expect(row!.removedAt === null, resource.resourceId).toBe(resource.live);
        expect(row!.removedReason, resource.resourceId).toBe(resource.live ? null : "removed");
        expect(row!.seenBy.split("|").filter(Boolean).sort(), resource.resourceId).toEqual(
          [...resource.connectionIds].sort(),
        );
      }
    },
  );

  it("identifies each DB instance by its DbiResourceId, the same in every connection's observation", async () => {
    const rows = await getDb().dbInstance.findMany();
    expect(new Set(dbiResourceIds.values()).size).toBe(rows.length);
    for (const row of rows)
      expect(row.dbiResourceId, row.dbInstanceIdentifier).toBe(
        dbiResourceIds.get(keyOf(row.accountId, row.region, row.dbInstanceIdentifier)),
      );
    for (const row of fixture.tables.DbInstance) {
      const same = fixture.tables.DbInstance.filter(
        (other) =>
          other.accountId === row.accountId &&
          other.region === row.region &&
          other.dbInstanceIdentifier === row.dbInstanceIdentifier,
      );
      expect(new Set(same.map((other) => JSON.parse(String(other.data)).dbiResourceId)).size).toBe(1);
    }
  });

  it("turns each connection's row into that connection's sighting, ended where it had been removed", async () => {
    const sightings = await getDb().sighting.findMany();
    expect(sightings.length).toBe(world.resources.reduce((n, resource) => n + resource.connectionIds.length, 0));
    const sightingKeys = new Set(
      sightings.map((s) => `${s.resourceType}|${keyOf(s.accountId, s.region, s.resourceId)}|${s.connectionId}`),
    );
    for (const resource of world.resources) {
      for (const connectionId of resource.connectionIds)
        expect(
          sightingKeys.has(
            `${resource.resourceType}|${keyOf(resource.accountId, resource.region, identityOf(resource))}|${connectionId}`,
          ),
          resource.resourceId,
        ).toBe(true);
    }
    const perConnectionRows = Object.keys(ID_FIELD).flatMap((table) => fixture.tables[table]);
    const ended = perConnectionRows.filter((row) => row.removedAt).length;
    expect(sightings.filter((s) => s.endedAt !== null).length).toBe(ended);
    expect(sightings.filter((s) => s.endedAt !== null).every((s) => s.endReason === "not-seen")).toBe(true);
  });

  it("keeps every change event, read per resource whatever connection observed it", async () => {
    expect(await getDb().changeEvent.count()).toBe(fixture.tables.ChangeEvent.length);
    // The removed DB instance's removals among them, now under its DbiResourceId.
    expect(world.resources.some((resource) => resource.table === "DbInstance" && resource.changeEvents > 0)).toBe(true);
    for (const resource of world.resources.filter((r) => r.changeEvents > 0)) {
      const where = {
        resourceType: resource.resourceType,
        accountId: resource.accountId,
        region: resource.region,
        resourceId: identityOf(resource),
      };
      expect(await getDb().changeEvent.count({ where }), resource.resourceId).toBe(resource.changeEvents);
    }
  });

  it("counts the live instances in the Overview's tally, which the upgrade fills from the stored rows", async () => {
    await expectTallyToMatchRows();
    const live = world.resources.filter((resource) => resource.table === "Ec2Instance" && resource.live).length;
    const tally = await getDb().ec2InstanceTally.aggregate({ _sum: { instances: true } });
    expect(live).toBeGreaterThan(0);
    expect(tally._sum.instances).toBe(live);
  });

  it("keeps the runs, snapshots and scope states as they were", async () => {
    expect(await getDb().run.count()).toBe(fixture.tables.Run.length);
    expect(await getDb().runSnapshot.count({ where: { scope: "connection" } })).toBe(fixture.tables.RunSnapshot.length);
    expect(await getDb().scopeState.count()).toBe(fixture.tables.ScopeState.length);
  });
});
