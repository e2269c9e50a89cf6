import "server-only";
import { getDb } from "@/lib/db";
import type { DbInstanceRow, HostRow, InstanceRow, LicenceModel } from "@/lib/resources/rows";
import type { Evidence, ProductId } from "..";
import { cellKey, qualifiedId, type StoredEstate, type StoredSoftware } from "./stored-rows";

// SQLite allows a bounded number of bound parameters per statement.
const ID_CHUNK = 500;
// Both SSM scopes of a cell must be current for its software to be known (one shares the other's calls).
const SOFTWARE_TYPES = ["managed-node", "installed-software"] as const;

/**
 * The current (non-removed) rows the licence position rests on. Instances come from their columns
 * (there may be 100k); only those SSM found products on, or without a billing code, have their
 * stored JSON read for the CPU topology and platform the rules then need.
 */
export async function loadEstate(): Promise<StoredEstate> {
  const db = getDb();
  const current = { removedAt: null };
  const [instances, nodes, software, hosts, databases, states, accounts] = await Promise.all([
    db.ec2Instance.findMany({
      where: current,
      select: {
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
      },
    }),
    db.managedNode.findMany({
      where: current,
      select: {
        accountId: true,
        region: true,
        instanceId: true,
        pingStatus: true,
        lastPingAt: true,
        lastInventoryAt: true,
        hyperThreading: true,
        platformName: true,
      },
    }),
    db.installedSoftware.findMany({
      where: { ...current, product: { not: null } },
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
    db.dedicatedHost.findMany({ where: current, select: { accountId: true, region: true, data: true } }),
    db.dbInstance.findMany({ where: current, select: { accountId: true, region: true, data: true } }),
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
  const withSoftware = new Set(storedSoftware.map((row) => qualifiedId(row, row.instanceId)));
  const needTopology = instances.filter((i) => withSoftware.has(qualifiedId(i, i.instanceId)) || !i.usageOperation);
  const topology = await instanceTopology(needTopology.map((i) => i.instanceId));

  const readTypes = new Map<string, Set<string>>();
  for (const state of states)
    readTypes.set(cellKey(state), (readTypes.get(cellKey(state)) ?? new Set()).add(state.resourceType));
  const softwareCellsRead = new Set(
    [...readTypes].filter(([, types]) => SOFTWARE_TYPES.every((t) => types.has(t))).map(([cell]) => cell),
  );

  return {
    instances: instances.map((i) => {
      const cpu = topology.get(qualifiedId(i, i.instanceId));
      return {
        ...i,
        coreCount: cpu?.coreCount ?? null,
        threadsPerCore: cpu?.threadsPerCore ?? null,
        platform: cpu?.platform ?? null,
      };
    }),
    nodes,
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
