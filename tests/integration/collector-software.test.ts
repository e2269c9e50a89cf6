// Issue 14, collect: SSM managed nodes and installed software over the demo world. What must be
// stored is computed from the world definition (simulator/test/ssm-expected.ts reads the same
// spec the simulator serves), never copied from a run.
import { afterEach, describe, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { getDb } from "@/lib/db";
import { getInventoryItem, listInventory, parseInventoryQuery } from "@/lib/inventory/query";
import { TYPE_CONFIG } from "@/lib/inventory/query/config";
import { softwareIdOf } from "@/lib/resources/installed-software/identity";
import { buildPreset, DEMO_SSM_INVENTORY_DENIED, type Ec2Instance, type WorldSpec } from "@/simulator/src/index";
import {
  expectedInventoried,
  expectedNodes,
  expectedPing,
  instancesWithApplication,
} from "@/simulator/test/ssm-expected";
import { demoConnection, seenBy, type CollectorFixture } from "./collector-fixtures";

const DENIED = DEMO_SSM_INVENTORY_DENIED.aws;
const SSM_TYPES = ["managed-node", "installed-software"];
const PAGE = 50; // DescribeInstanceInformation's and GetInventory's largest page: what the collector asks for

let fixture: CollectorFixture | undefined;
afterEach(async () => {
  await fixture?.sim.close();
  fixture = undefined;
});

// The simulator gets its own copy of the world: mutations change that one, not the expectations.
async function collectDemo(overrides: Record<string, unknown> = {}) {
  fixture = await demoConnection(overrides, { world: buildPreset("demo") });
  fixture.sim.control.resetStats();
  const result = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
  return { world: buildPreset("demo"), status: result.status, stats: fixture.sim.control.stats() };
}

// The cells the run read: those whose EC2 instances scope succeeded.
async function readCells(connectionId: string) {
  const states = await getDb().scopeState.findMany({
    where: { connectionId, resourceType: "ec2-instance", lastStatus: "succeeded" },
    select: { accountId: true, region: true },
  });
  return states.map((s) => ({ account: s.accountId, region: s.region }));
}

const isDenied = (cell: { account: string; region: string }) =>
  cell.account === DENIED.account && cell.region === DENIED.region;

// Listed by DescribeInstanceInformation and holding inventory: the nodes whose software is stored.
function inventoriedNodes(world: WorldSpec, cell: { account: string; region: string }): Ec2Instance[] {
  const listed = new Set(expectedNodes(world, cell.account, cell.region).map((i) => i.InstanceId));
  return expectedInventoried(world, cell.account, cell.region).filter((i) => listed.has(i.InstanceId));
}

const expectedSoftware = (nodes: Ec2Instance[]) =>
  Object.fromEntries(
    nodes.flatMap((i) =>
      i.Ssm!.Applications.map((a) => [
        softwareIdOf({ instanceId: i.InstanceId, name: a.Name, publisher: a.Publisher, architecture: a.Architecture }),
        a.Version,
      ]),
    ),
  );

const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE));

describe("SSM Inventory collection (demo world)", () => {
  it("stores every managed node and application once, SQL Server editions from the registry, the denied cell stale, with the fewest calls", async () => {
    const { world, status, stats } = await collectDemo();
    expect(status).toBe("partial");
    const connectionId = fixture!.connectionId;
    const cells = await readCells(connectionId);
    expect(cells.some(isDenied)).toBe(true);
    const open = cells.filter((cell) => !isDenied(cell));
    const db = getDb();
    const where = { ...seenBy(connectionId), removedAt: null };

    const nodes = await db.managedNode.findMany({
      where,
      select: { instanceId: true, accountId: true, region: true, pingStatus: true, cpus: true, hyperThreading: true },
    });
    const expectedNodeList = open.flatMap((cell) => expectedNodes(world, cell.account, cell.region));
    expect(nodes.map((n) => n.instanceId).sort()).toEqual(expectedNodeList.map((i) => i.InstanceId).sort());
    const byId = new Map(nodes.map((n) => [n.instanceId, n]));
    for (const instance of expectedNodeList) {
      const row = byId.get(instance.InstanceId)!;
      expect(row.pingStatus, instance.InstanceId).toBe(expectedPing(instance));
      if (instance.Ssm!.InventorySecondsAgo === undefined) continue;
      const { CoreCount, ThreadsPerCore } = instance.CpuOptions;
      expect(row.cpus, instance.InstanceId).toBe(CoreCount * ThreadsPerCore);
      expect(row.hyperThreading).toBe(ThreadsPerCore > 1);
    }

    const software = await db.installedSoftware.findMany({
      where,
      select: { softwareId: true, version: true, accountId: true, region: true },
    });
    const expected = expectedSoftware(open.flatMap((cell) => inventoriedNodes(world, cell)));
    expect(software.length).toBeGreaterThan(nodes.length);
    expect(software.length).toBe(Object.keys(expected).length);
    expect(Object.fromEntries(software.map((s) => [s.softwareId, s.version]))).toEqual(expected);

    // SQL Server's edition is the Setup key's Edition value, on the application naming the product.
    const sqlName = "Microsoft SQL Server 2019 (64-bit)";
    const sql = instancesWithApplication(world, sqlName).filter((x) => !isDenied(x));
    expect(sql.length).toBeGreaterThanOrEqual(2);
    for (const { instance } of sql) {
      const edition = instance.Ssm!.Registry!.find((r) => r.ValueName === "Edition")!.Value;
      const row = await db.installedSoftware.findFirstOrThrow({
        where: { instanceId: instance.InstanceId, name: sqlName },
        select: { product: true, edition: true, licenceFree: true },
      });
      expect(row.product).toBe("sql-server");
      expect(edition.startsWith(row.edition!), `${edition} vs ${row.edition}`).toBe(true);
      expect(row.licenceFree).toBe(/Developer|Express/.test(edition));
    }
    const oracle = instancesWithApplication(world, "oracle-database-ee-19c").filter((x) => !isDenied(x));
    expect(oracle.length).toBeGreaterThan(0);
    for (const { instance } of oracle)
      expect(
        await db.installedSoftware.findFirstOrThrow({
          where: { instanceId: instance.InstanceId, name: "oracle-database-ee-19c" },
          select: { product: true, edition: true, licenceFree: true },
        }),
      ).toEqual({ product: "oracle-database", edition: "Enterprise Edition", licenceFree: false });
    for (const { instance } of instancesWithApplication(world, "MQSeriesServer").filter((x) => !isDenied(x)))
      expect(
        (
          await db.installedSoftware.findFirstOrThrow({
            where: { instanceId: instance.InstanceId, name: "MQSeriesServer" },
          })
        ).product,
      ).toBe("ibm-mq");

    // ssm:GetInventory denied: both SSM scopes of that cell failed and are stale (managed nodes
    // read CPU facts through it), and nothing was stored there.
    const deniedStates = await db.scopeState.findMany({
      where: { connectionId, accountId: DENIED.account, region: DENIED.region, resourceType: { in: SSM_TYPES } },
    });
    expect(deniedStates.map((s) => [s.resourceType, s.lastStatus, s.stale]).sort()).toEqual(
      SSM_TYPES.map((t) => [t, "failed", true]).sort(),
    );
    for (const s of deniedStates) expect(s.lastErrorCode).toMatch(/AccessDenied/);
    expect(
      nodes.concat(software as never[]).filter((r) => isDenied({ account: r.accountId, region: r.region })),
    ).toEqual([]);

    // Calls: per cell one node listing and three typed GetInventory passes (the registry pass
    // filtered to nodes with SQL Server keys), each in pages of 50; in the denied cell the node
    // listing plus the two refused passes the two scopes start with (AccessDenied is not retried).
    const sqlNodes = (cell: { account: string; region: string }) =>
      inventoriedNodes(world, cell).filter((i) =>
        i.Ssm!.Registry?.some((r) => r.KeyPath.includes("\\Microsoft SQL Server\\")),
      ).length;
    const listings = cells.reduce((n, cell) => n + pages(expectedNodes(world, cell.account, cell.region).length), 0);
    const inventory = open.reduce((n, cell) => {
      const inventoried = expectedInventoried(world, cell.account, cell.region).length;
      return n + 2 * pages(inventoried) + pages(sqlNodes(cell));
    }, 2);
    expect(stats.requests["ssm:DescribeInstanceInformation"]).toBe(listings);
    expect(stats.requests["ssm:GetInventory"]).toBe(inventory);
    expect(stats.requests["ssm:ListInventoryEntries"]).toBeUndefined();
  });

  it("the inventory tables list both types like the others: every row, every sort, the drawer's item", async () => {
    const { world } = await collectDemo();
    const connectionId = fixture!.connectionId;
    const open = (await readCells(connectionId)).filter((cell) => !isDenied(cell));
    const expected = {
      "managed-nodes": open.flatMap((cell) => expectedNodes(world, cell.account, cell.region)).length,
      "installed-software": Object.keys(expectedSoftware(open.flatMap((cell) => inventoriedNodes(world, cell)))).length,
    } as const;
    for (const [type, total] of Object.entries(expected) as [keyof typeof expected, number][]) {
      for (const sort of TYPE_CONFIG[type].sortable) {
        const params = new URLSearchParams({ connection: connectionId, sort, pageSize: "50" });
        const page = await listInventory(type, parseInventoryQuery(type, params));
        expect(page.total, `${type} sorted by ${sort}`).toBe(total);
      }
    }
    const sql = await listInventory(
      "installed-software",
      parseInventoryQuery("installed-software", new URLSearchParams({ licensedProduct: "sql-server" })),
    );
    expect(sql.total).toBeGreaterThan(0);
    const item = await getInventoryItem("installed-software", sql.rows[0].resourceId);
    expect(item?.resourceId).toBe(sql.rows[0].resourceId);
  });

  it("software collection off: no SSM call, no SSM scope, no rows", async () => {
    const { status, stats } = await collectDemo({ collectSoftware: false });
    expect(status).toBe("partial");
    const connectionId = fixture!.connectionId;
    expect(Object.keys(stats.requests).filter((api) => api.startsWith("ssm:"))).toEqual([]);
    expect(await getDb().scopeState.count({ where: { connectionId, resourceType: { in: SSM_TYPES } } })).toBe(0);
    expect(await getDb().managedNode.count({ where: seenBy(connectionId) })).toBe(0);
    expect(await getDb().installedSoftware.count({ where: seenBy(connectionId) })).toBe(0);
    expect(await getDb().ec2Instance.count({ where: seenBy(connectionId) })).toBeGreaterThan(0);
  });

  it("an upgrade is a change event on the same row; an uninstalled application gets removedAt", async () => {
    const { world } = await collectDemo();
    const f = fixture!;
    const cell = (await readCells(f.connectionId)).find((c) => !isDenied(c) && inventoriedNodes(world, c).length)!;
    const node = inventoriedNodes(world, cell)[0];
    const [upgraded, uninstalled] = node.Ssm!.Applications;
    const idOf = (a: typeof upgraded) =>
      softwareIdOf({ instanceId: node.InstanceId, name: a.Name, publisher: a.Publisher, architecture: a.Architecture });
    const before = await getDb().installedSoftware.findFirstOrThrow({ where: { softwareId: idOf(upgraded) } });
    const newVersion = `${upgraded.Version}.1`;
    const where = { account: cell.account, region: cell.region, id: node.InstanceId };
    await f.control("mutate", { op: "setApplication", ...where, name: upgraded.Name, version: newVersion });
    await f.control("mutate", { op: "removeApplication", ...where, name: uninstalled.Name });

    await collectConnection({ connectionId: f.connectionId, trigger: "cli" });
    const after = await getDb().installedSoftware.findFirstOrThrow({ where: { softwareId: idOf(upgraded) } });
    expect(after).toMatchObject({ id: before.id, version: newVersion, removedAt: null });
    expect(after.firstSeenAt).toEqual(before.firstSeenAt);
    const events = await getDb().changeEvent.findMany({
      where: { resourceType: "installed-software", accountId: cell.account, region: cell.region },
      select: { resourceId: true, kind: true, changes: true },
    });
    const changed = events.filter((e) => e.kind === "changed");
    expect(changed.map((e) => e.resourceId)).toEqual([idOf(upgraded)]);
    expect(JSON.parse(changed[0].changes!)).toContainEqual(
      expect.objectContaining({ field: "version", from: upgraded.Version, to: newVersion }),
    );
    const gone = await getDb().installedSoftware.findFirstOrThrow({ where: { softwareId: idOf(uninstalled) } });
    expect(gone.removedAt).not.toBeNull();
    expect(events.filter((e) => e.kind === "removed").map((e) => e.resourceId)).toEqual([idOf(uninstalled)]);
  });
});
