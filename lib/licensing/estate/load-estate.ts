import "server-only";
import { getDb } from "@/lib/db";
import type { DbInstanceRow, HostRow, InstanceRow, LicenceModel } from "@/lib/resources/rows";
import type { Evidence, ProductId } from "..";
import { cellKey, qualifiedId, type StoredEstate, type StoredInstance, type StoredSoftware } from "./stored-rows";

// SQLite allows a bounded number of bound parameters per statement.
const ID_CHUNK = 500;
// Both SSM scopes of a cell must be current for its software to be known (one shares the other's calls).
const SOFTWARE_TYPES = ["managed-node", "installed-software"] as const;
// Instances per part of loadEstateInParts: a part's rows and lines stay a few MB (bench:collect at 160k
// instances: peak RSS 518 MB without the figures, 879 MB with the whole estate at once, 596 MB in
// parts of 2,000).
const PART_SIZE = 2_000;

const CURRENT = { removedAt: null };
const INSTANCE_COLUMNS = {
  id: true,
  accountId: true,
  region: true,
  instanceId: true,
  name: true,
  state: true,
  instanceType: true,
  vcpus: true,
  platformDetails: true,
  usageOperation: true,
  tenancy: true,
  hostId: true,
} as const;
const NODE_COLUMNS = {
  accountId: true,
  region: true,
  instanceId: true,
  pingStatus: true,
  lastPingAt: true,
  lastInventoryAt: true,
  hyperThreading: true,
  platformName: true,
} as const;

type Shared = Omit<StoredEstate, "instances" | "nodes">;
type InstanceColumns = Omit<StoredInstance, "coreCount" | "threadsPerCore" | "platform"> & { id: string };

/**
 * The current (non-removed) rows the licence position rests on. Instances come from their columns
 * (there may be 100k); only those SSM found products on, or without a billing code, have their
 * stored JSON read for the CPU topology and platform the rules then need.
 */
export async function loadEstate(): Promise<StoredEstate> {
  const [shared, instances, nodes] = await Promise.all([
    loadShared(),
    getDb().ec2Instance.findMany({ where: CURRENT, select: INSTANCE_COLUMNS }),
    getDb().managedNode.findMany({ where: CURRENT, select: NODE_COLUMNS }),
  ]);
  return { ...shared, instances: await withTopology(instances, shared.software), nodes };
}

/**
 * The same estate in parts whose requirement lines can be summed (a run snapshot's figures at
 * any size without holding every instance and line at once): first the instances on dedicated
 * hosts with every host and database (host rules look at a host's instances together), then the
 * other instances PART_SIZE at a time, each with its own managed nodes; every part has all
 * recognised software, aliases and read cells (small).
 */
export async function* loadEstateInParts(partSize = PART_SIZE): AsyncGenerator<StoredEstate> {
  const db = getDb();
  const shared = await loadShared();
  const onHosts = await db.ec2Instance.findMany({
    where: { ...CURRENT, hostId: { not: null } },
    select: INSTANCE_COLUMNS,
  });
  yield await part(shared, onHosts);
  const alone = { hosts: [], databases: [] };
  for (let after: string | null = null; ;) {
    const instances: InstanceColumns[] = await db.ec2Instance.findMany({
      where: { ...CURRENT, hostId: null, ...(after ? { id: { gt: after } } : {}) },
      select: INSTANCE_COLUMNS,
      orderBy: { id: "asc" },
      take: partSize,
    });
    if (!instances.length) return;
    yield await part({ ...shared, ...alone }, instances);
    after = instances[instances.length - 1].id;
  }
}

async function part(shared: Shared, instances: InstanceColumns[]): Promise<StoredEstate> {
  const [withCpu, nodes] = await Promise.all([
    withTopology(instances, shared.software),
    nodesOf(instances.map((i) => i.instanceId)),
  ]);
  return { ...shared, instances: withCpu, nodes };
}

/** Everything but instances and managed nodes: recognised software, hosts, databases, read cells, aliases. */
async function loadShared(): Promise<Shared> {
  const db = getDb();
  const [software, hosts, databases, states, accounts] = await Promise.all([
    db.installedSoftware.findMany({
      where: { ...CURRENT, product: { not: null } },
      select: {
        accountId: true,
        region: true,
        instanceId: true,
        product: true,
        edition: true,
        licenceFree: true,
        data: true,
      },
    }),
    db.dedicatedHost.findMany({ where: CURRENT, select: { accountId: true, region: true, data: true } }),
    db.dbInstance.findMany({ where: CURRENT, select: { accountId: true, region: true, data: true } }),
    db.scopeState.findMany({
      where: { resourceType: { in: [...SOFTWARE_TYPES] }, stale: false, lastSuccessAt: { not: null } },
      select: { accountId: true, region: true, resourceType: true },
    }),
    db.account.findMany({ select: { accountId: true, alias: true } }),
  ]);

  const storedSoftware: StoredSoftware[] = software.map((row) => {
    const data = JSON.parse(row.data) as { productName?: string; version?: string | null; evidence?: Evidence[] };
    return {
      accountId: row.accountId,
      region: row.region,
      instanceId: row.instanceId,
      product: row.product as ProductId,
      productName: data.productName ?? row.product!,
      edition: row.edition,
      free: row.licenceFree === true,
      version: data.version ?? null,
      evidence: data.evidence ?? [],
    };
  });
  const readTypes = new Map<string, Set<string>>();
  for (const state of states)
    readTypes.set(cellKey(state), (readTypes.get(cellKey(state)) ?? new Set()).add(state.resourceType));
  const softwareCellsRead = new Set(
    [...readTypes].filter(([, types]) => SOFTWARE_TYPES.every((t) => types.has(t))).map(([cell]) => cell),
  );

  return {
    software: storedSoftware,
    hosts: hosts.map((row) => {
      const host = JSON.parse(row.data) as HostRow;
      return {
        ...located(row),
        hostId: host.hostId,
        name: host.name,
        state: host.state,
        sockets: host.sockets,
        cores: host.cores,
      };
    }),
    databases: databases.map((row) => {
      const d = JSON.parse(row.data) as DbInstanceRow;
      return {
        ...located(row),
        dbInstanceIdentifier: d.dbInstanceIdentifier,
        status: d.status,
        engine: d.engine,
        licenceModel: d.licenceModel as LicenceModel,
        vcpus: d.vcpus,
        coreCount: d.coreCount,
        threadsPerCore: d.threadsPerCore,
        multiAz: d.multiAz,
      };
    }),
    softwareCellsRead,
    aliases: new Map(accounts.map((a) => [a.accountId, a.alias])),
  };
}

const located = (row: { accountId: string; region: string }) => ({ accountId: row.accountId, region: row.region });

// The CPU topology and platform, from the row's JSON, of the instances the rules need them for.
async function withTopology(instances: InstanceColumns[], software: StoredSoftware[]): Promise<StoredInstance[]> {
  const withSoftware = new Set(software.map((row) => qualifiedId(row, row.instanceId)));
  const needTopology = instances.filter((i) => withSoftware.has(qualifiedId(i, i.instanceId)) || !i.usageOperation);
  const topology = await instanceTopology(needTopology.map((i) => i.instanceId));
  return instances.map((i) => {
    const cpu = topology.get(qualifiedId(i, i.instanceId));
    return {
      accountId: i.accountId,
      region: i.region,
      instanceId: i.instanceId,
      name: i.name,
      state: i.state,
      instanceType: i.instanceType,
      vcpus: i.vcpus,
      platformDetails: i.platformDetails,
      usageOperation: i.usageOperation,
      tenancy: i.tenancy,
      hostId: i.hostId,
      coreCount: cpu?.coreCount ?? null,
      threadsPerCore: cpu?.threadsPerCore ?? null,
      platform: cpu?.platform ?? null,
    };
  });
}

type Topology = Pick<InstanceRow, "coreCount" | "threadsPerCore" | "platform">;

async function instanceTopology(instanceIds: string[]): Promise<Map<string, Topology>> {
  const out = new Map<string, Topology>();
  const unique = [...new Set(instanceIds)];
  for (let start = 0; start < unique.length; start += ID_CHUNK) {
    const rows = await getDb().ec2Instance.findMany({
      where: { removedAt: null, instanceId: { in: unique.slice(start, start + ID_CHUNK) } },
      select: { accountId: true, region: true, instanceId: true, data: true },
    });
    for (const row of rows) {
      const data = JSON.parse(row.data) as InstanceRow;
      out.set(qualifiedId(row, row.instanceId), {
        coreCount: data.coreCount,
        threadsPerCore: data.threadsPerCore,
        platform: data.platform,
      });
    }
  }
  return out;
}

// The managed nodes of these instances (a part's), read ID_CHUNK ids at a time.
async function nodesOf(instanceIds: string[]): Promise<StoredEstate["nodes"]> {
  const out: StoredEstate["nodes"] = [];
  for (let start = 0; start < instanceIds.length; start += ID_CHUNK)
    out.push(
      ...(await getDb().managedNode.findMany({
        where: { ...CURRENT, instanceId: { in: instanceIds.slice(start, start + ID_CHUNK) } },
        select: NODE_COLUMNS,
      })),
    );
  return out;
}
