// Shared by the collector-*.test.ts suites: the simulator's demo world in-process, a connection
// to it stored through the real service, and helpers to read what a run stored.
import { createConnection } from "@/lib/connections/save-connection";
import { getDb } from "@/lib/db";
import type { WorldSpec } from "@/simulator/src/index";
import { startDemo, type DemoSim } from "./aws-fixtures";

export type CollectorFixture = DemoSim & {
  connectionId: string;
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
};

// Every suite's simulator holds the same demo world, so the same AWS resources: with one row per
// resource whatever the connection, a test that wants to see what its own connection collected
// starts from an empty inventory (the runs and connections of other tests stay).
export async function resetInventory(): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.ec2Instance.deleteMany(),
    db.dedicatedHost.deleteMany(),
    db.reservedInstance.deleteMany(),
    db.dbInstance.deleteMany(),
    db.managedNode.deleteMany(),
    db.installedSoftware.deleteMany(),
    db.inventoryTag.deleteMany(),
    db.sighting.deleteMany(),
    db.changeEvent.deleteMany(),
    db.scopeState.deleteMany(),
    db.scopeExclusion.deleteMany(),
  ]);
}

export async function demoConnection(
  overrides: Record<string, unknown> = {},
  { keepInventory = false, world }: { keepInventory?: boolean; world?: WorldSpec } = {},
): Promise<CollectorFixture> {
  if (!keepInventory) await resetInventory();
  const demo = await startDemo(world);
  const collector = demo.creds.users[0];
  const { id } = await createConnection(
    {
      name: `demo-${Math.random().toString(36).slice(2, 8)}`,
      accessKeyId: collector.accessKeyId,
      secretAccessKey: collector.secretAccessKey,
      externalId: demo.creds.roles[0].externalId,
      accountMode: "organizations",
      memberRoleName: "CirrusInventoryRole",
      regionMode: "all-enabled",
      endpointUrl: demo.url,
      concurrency: 16,
      ...overrides,
    },
    { actor: null, ip: null },
  );
  const control = async (path: string, body?: unknown, method = body === undefined ? "GET" : "POST") => {
    const response = await fetch(`${demo.url}/_sim/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`/_sim/${path}: ${response.status} ${await response.text()}`);
    return response.json().catch(() => null);
  };
  return { ...demo, connectionId: id, control };
}

type SummaryRegion = {
  name: string;
  optIn: string;
  instances: number;
  hosts: number;
  reservedInstances: number;
  dbInstances: number;
};
export type SimSummary = { accounts: { id: string; alias: string; regions: SummaryRegion[] }[] };

// What the connection sees: live resources it has seen (one row each, whoever else sees them).
export const seenBy = (connectionId: string) => ({ seenBy: { contains: `|${connectionId}|` } });

export async function storedCounts(connectionId: string) {
  const where = { ...seenBy(connectionId), removedAt: null };
  const db = getDb();
  const group = async (model: "ec2Instance" | "dedicatedHost" | "reservedInstance" | "dbInstance") => {
    const rows = await (
      db[model] as unknown as { findMany(args: unknown): Promise<{ accountId: string; region: string }[]> }
    ).findMany({ where, select: { accountId: true, region: true } });
    const counts = new Map<string, number>();
    for (const row of rows)
      counts.set(`${row.accountId}|${row.region}`, (counts.get(`${row.accountId}|${row.region}`) ?? 0) + 1);
    return counts;
  };
  return {
    instances: await group("ec2Instance"),
    hosts: await group("dedicatedHost"),
    reservedInstances: await group("reservedInstance"),
    dbInstances: await group("dbInstance"),
  };
}

export async function rowSnapshot(connectionId: string) {
  const rows = await getDb().ec2Instance.findMany({
    where: seenBy(connectionId),
    orderBy: { instanceId: "asc" },
    select: {
      instanceId: true,
      accountId: true,
      region: true,
      data: true,
      lastSeenAt: true,
      removedAt: true,
      firstSeenAt: true,
    },
  });
  const dbs = await getDb().dbInstance.findMany({
    where: seenBy(connectionId),
    orderBy: { dbInstanceIdentifier: "asc" },
    select: {
      dbInstanceIdentifier: true,
      data: true,
      removedAt: true,
      lastSeenAt: true,
      accountId: true,
      region: true,
    },
  });
  return { rows, dbs };
}
