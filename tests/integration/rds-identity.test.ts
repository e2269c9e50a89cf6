// Issue 11 item 1: an RDS DB instance is identified as AWS identifies it, by its DbiResourceId,
// not by its identifier (a name that can be changed, and reused by a new DB). A Direct and an
// AWS Config connection count each DB once; a renamed DB stays one resource whose history shows
// the new name; a DB deleted and re-created under its name is a removal and a new resource.
import { afterEach, describe, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { createConnection } from "@/lib/connections/save-connection";
import { getDb } from "@/lib/db";
import { exportInventory } from "@/lib/inventory/export";
import { getInventoryItem, listInventory, parseInventoryQuery } from "@/lib/inventory/query";
import { DEMO_RDS_DENIED } from "@/simulator/src/index";
import { exportLabel } from "../support/export-headers";
import { parseCsv } from "../support/parse-csv";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";

const denied = DEMO_RDS_DENIED.aws;
const noActor = { actor: null, ip: null };

let fixture: CollectorFixture | undefined;
afterEach(async () => {
  await fixture?.sim.close();
  fixture = undefined;
});

// The same accounts and regions read through the organization's AWS Config aggregator.
async function configConnection(f: CollectorFixture): Promise<string> {
  const config = JSON.parse(
    (await getDb().connection.findUniqueOrThrow({ where: { id: f.connectionId } })).config,
  ) as Record<string, unknown>;
  const created = await createConnection(
    {
      ...config,
      name: `config-${f.connectionId}`,
      secretAccessKey: f.creds.users[0].secretAccessKey,
      adapter: "config-aggregator",
      aggregatorName: "cirrus-aggregator",
      aggregatorRegion: "us-east-1",
    },
    noActor,
  );
  return created.id;
}

// The world's DB instances in the accounts' enabled regions (or the listed ones).
function worldDbs(f: CollectorFixture, regions?: string[]) {
  return f.sim.world.spec.accounts.flatMap((account) =>
    account.regions
      .filter((region) => region.optIn !== "not-opted-in" && (!regions || regions.includes(region.name)))
      .flatMap((region) =>
        f.sim.world.region(account.id, region.name)!.dbInstances.map((db) => ({
          accountId: account.id,
          region: region.name,
          name: db.DBInstanceIdentifier,
          dbi: db.DbiResourceId,
        })),
      ),
  );
}

const databases = (params = "") =>
  listInventory("databases", parseInventoryQuery("databases", new URLSearchParams(`pageSize=200&${params}`)));
const dbEvents = (resourceId: string) =>
  getDb().changeEvent.findMany({ where: { resourceType: "rds-db-instance", resourceId }, orderBy: { at: "asc" } });

describe("RDS DB instance identity", () => {
  it("counts each DB once when a Direct and an AWS Config connection both collect it", async () => {
    fixture = await demoConnection();
    const viaConfig = await configConnection(fixture);
    await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    await collectConnection({ connectionId: viaConfig, trigger: "cli" });

    const world = worldDbs(fixture);
    const page = await databases();
    expect(page.total).toBe(world.length);
    expect(page.rows.map((row) => row.resourceId).sort()).toEqual(world.map((db) => db.dbi).sort());
    // The table still shows the DB identifier; the API's resourceId is the DbiResourceId.
    const names = new Map(world.map((db) => [db.dbi, db.name]));
    for (const row of page.rows) {
      expect(row.fields.dbInstanceIdentifier, row.resourceId).toBe(names.get(row.resourceId));
      expect(row.fields.dbiResourceId, row.resourceId).toBe(row.resourceId);
    }
    // An export names each DB and its identity, once.
    const csv = parseCsv(
      await new Response(
        (
          await exportInventory({
            type: "databases",
            query: parseInventoryQuery("databases", new URLSearchParams()),
            format: "csv",
            ...noActor,
          })
        ).body,
      ).text(),
    );
    const header = csv[0].map((name) => name.replace(/^\uFEFF/, ""));
    const exported = csv
      .slice(1)
      .map((record) => [
        record[header.indexOf(exportLabel("databases", "dbiResourceId"))],
        record[header.indexOf(exportLabel("databases", "dbInstanceIdentifier"))],
      ]);
    expect(exported.sort()).toEqual(world.map((db) => [db.dbi, db.name]).sort());

    // Direct could not read the denied cell; Config recorded it: those DBs are seen by Config alone.
    const stored = await getDb().dbInstance.findMany({
      select: { accountId: true, region: true, dbiResourceId: true, seenBy: true },
    });
    expect(stored).toHaveLength(world.length);
    for (const row of stored) {
      const inDenied = row.accountId === denied.account && row.region === denied.region;
      const expected = inDenied ? [viaConfig] : [fixture.connectionId, viaConfig];
      expect(row.seenBy.split("|").filter(Boolean).sort(), row.dbiResourceId).toEqual(expected.sort());
    }
  });

  it("keeps a renamed DB as one resource whose history shows the new identifier", async () => {
    const regions = ["us-east-1"];
    fixture = await demoConnection({ regionMode: "list", regions });
    const f = fixture;
    const connections = [f.connectionId, await configConnection(f)];
    for (const id of connections) await collectConnection({ connectionId: id, trigger: "cli" });
    const world = worldDbs(f, regions);
    const target = world.find((db) => db.accountId !== denied.account)!;
    const before = await getDb().dbInstance.findUniqueOrThrow({
      where: {
        accountId_region_dbiResourceId: {
          accountId: target.accountId,
          region: target.region,
          dbiResourceId: target.dbi,
        },
      },
    });

    const newName = `${target.name}-renamed`;
    await f.control("mutate", {
      op: "renameDbInstance",
      account: target.accountId,
      region: target.region,
      id: target.name,
      newIdentifier: newName,
    });
    for (const id of connections) await collectConnection({ connectionId: id, trigger: "cli" });

    const rows = await getDb().dbInstance.findMany({
      where: {
        accountId: target.accountId,
        region: target.region,
        dbInstanceIdentifier: { in: [target.name, newName] },
      },
    });
    expect(rows.map((row) => [row.id, row.dbiResourceId, row.dbInstanceIdentifier, row.removedAt])).toEqual([
      [before.id, target.dbi, newName, null],
    ]);
    expect(rows[0].firstSeenAt).toEqual(before.firstSeenAt);
    expect(await getDb().dbInstance.count({ where: { removedAt: null } })).toBe(world.length);

    // One rename, recorded once (the second connection saw nothing new), and no removal.
    const events = await dbEvents(target.dbi);
    expect(events.map((event) => [event.kind, JSON.parse(event.changes ?? "null")])).toEqual([
      ["changed", [{ field: "dbInstanceIdentifier", from: target.name, to: newName }]],
    ]);
    expect(await getDb().changeEvent.count({ where: { resourceType: "rds-db-instance", kind: "removed" } })).toBe(0);

    // The drawer, opened from the table row or by the DbiResourceId, shows it under its new name.
    const row = (await databases(`q=${newName}`)).rows.find((candidate) => candidate.resourceId === target.dbi)!;
    expect(row.fields.dbInstanceIdentifier).toBe(newName);
    for (const key of [row.id, target.dbi]) {
      const item = await getInventoryItem("databases", key);
      expect(item?.resourceId).toBe(target.dbi);
      expect(item?.sightings.map((s) => s.connectionId).sort()).toEqual([...connections].sort());
      expect(item?.history.find((entry) => entry.kind === "changed")?.changes).toEqual([
        { field: "dbInstanceIdentifier", from: target.name, to: newName },
      ]);
    }
  });

  it("treats a DB deleted and re-created under the same identifier as a removal and a new resource", async () => {
    const regions = ["us-east-1"];
    fixture = await demoConnection({ regionMode: "list", regions });
    const f = fixture;
    const connections = [f.connectionId, await configConnection(f)];
    for (const id of connections) await collectConnection({ connectionId: id, trigger: "cli" });
    const world = worldDbs(f, regions);
    const target = world.find((db) => db.accountId !== denied.account)!;
    const old = await getDb().dbInstance.findUniqueOrThrow({
      where: {
        accountId_region_dbiResourceId: {
          accountId: target.accountId,
          region: target.region,
          dbiResourceId: target.dbi,
        },
      },
    });

    const { dbiResourceId: newDbi } = (await f.control("mutate", {
      op: "recreateDbInstance",
      account: target.accountId,
      region: target.region,
      id: target.name,
    })) as { dbiResourceId: string };
    // The old DB is removed only once every connection that saw it has run without it.
    await collectConnection({ connectionId: connections[0], trigger: "cli" });
    expect((await getDb().dbInstance.findUniqueOrThrow({ where: { id: old.id } })).removedAt).toBeNull();
    await collectConnection({ connectionId: connections[1], trigger: "cli" });

    const rows = await getDb().dbInstance.findMany({
      where: { accountId: target.accountId, region: target.region, dbInstanceIdentifier: target.name },
      orderBy: { firstSeenAt: "asc" },
    });
    expect(
      rows.map((row) => [row.id === old.id, row.dbiResourceId, row.removedAt === null, row.removedReason]),
    ).toEqual([
      [true, target.dbi, false, "removed"],
      [false, newDbi, true, null],
    ]);
    expect(rows[1].firstSeenAt.getTime()).toBeGreaterThan(old.lastSeenAt.getTime());
    expect((await dbEvents(target.dbi)).map((event) => event.kind)).toEqual(["removed"]);
    expect(await dbEvents(newDbi)).toEqual([]);
    expect(await getDb().dbInstance.count({ where: { removedAt: null } })).toBe(world.length);

    // Live, the table lists the new DB under the name; with removed ones, both.
    const named = (page: Awaited<ReturnType<typeof databases>>) =>
      page.rows
        .filter((row) => row.fields.dbInstanceIdentifier === target.name)
        .map((row) => [row.resourceId, row.removedReason]);
    expect(named(await databases())).toEqual([[newDbi, null]]);
    expect(named(await databases("includeRemoved=true")).sort()).toEqual(
      [
        [newDbi, null],
        [target.dbi, "removed"],
      ].sort(),
    );
    const gone = await getInventoryItem("databases", target.dbi);
    expect(gone?.history.map((entry) => entry.kind)).toEqual(["removed", "created"]);
  });
});
