import "server-only";
import type { InventoryInput, InventorySummary, Tally } from "@/lib/resources/summarize";
import { summarizeInventory } from "@/lib/resources/summarize";
import { loadCurrentInventory, type CurrentInventory } from "./load-current";
import { loadSnapshots } from "./load-snapshots";
import { riCoverage, type RiCoverage } from "./ri-coverage";
import { vcpuSeries, type VcpuSeries } from "./vcpu-series";

const DAY_MS = 86_400_000;
const RELEASED_HOST_STATES = new Set(["released", "released-permanent-failure"]);
// As in summarizeInventory: a stopped instance gives its share of a dedicated host back.
const OCCUPYING_STATES = new Set(["pending", "running", "stopping", "shutting-down"]);

export type OverviewHost = {
  hostId: string;
  accountId: string;
  region: string;
  availabilityZone: string | null;
  state: string | null;
  instanceFamily: string | null;
  sockets: number;
  cores: number;
  totalVcpus: number;
  usedVcpus: number;
  utilisation: number;
};
export type ExpiringReservation = {
  reservedInstancesId: string;
  accountId: string;
  region: string;
  instanceType: string | null;
  instanceCount: number;
  productDescription: string | null;
  scope: string | null;
  end: string;
  daysLeft: number;
};

export type Overview = {
  hasData: boolean;
  now: string;
  totals: InventorySummary["totals"] & { accounts: number; regions: number };
  byAccount: (Tally & { accountId: string; alias: string | null })[];
  byRegion: (Tally & { region: string })[];
  vcpus: VcpuSeries;
  oracle: InventorySummary["oracle"];
  databases: InventorySummary["databases"];
  hosts: InventorySummary["hosts"] & { list: OverviewHost[] };
  reservedInstances: InventorySummary["reservedInstances"] & { expiring: ExpiringReservation[] };
  riCoverage: RiCoverage;
};

export type OverviewOptions = { now?: Date; periodDays?: number; connectionIds?: string[] };

/**
 * The overview's figures across all connections (or the given ones), computed from the current
 * rows so they are right between runs; only the vCPU history comes from run snapshots.
 */
export async function getOverview({
  now = new Date(),
  periodDays = 30,
  connectionIds,
}: OverviewOptions = {}): Promise<Overview> {
  const from = new Date(now.getTime() - periodDays * DAY_MS);
  const [current, snapshots] = await Promise.all([
    loadCurrentInventory(connectionIds),
    loadSnapshots(from, now, connectionIds),
  ]);
  return buildOverview(current, vcpuSeries(snapshots, from, now), now);
}

export function buildOverview(current: CurrentInventory, vcpus: VcpuSeries, now: Date): Overview {
  // summarizeInventory reads only the grouped fields (and counts groups as `instances` each).
  const summary = summarizeInventory(
    { ...current, instances: current.instances as unknown as InventoryInput["instances"] },
    now,
  );
  const aliases = new Map(current.accounts.map((a) => [a.accountId, a.alias]));
  const byAccount = Object.entries(summary.totals.byAccount).map(([accountId, tally]) => ({
    accountId,
    alias: aliases.get(accountId) ?? null,
    ...tally,
  }));
  const byRegion = Object.entries(summary.totals.byRegion).map(([region, tally]) => ({ region, ...tally }));
  return {
    hasData:
      current.instances.length + current.hosts.length + current.reservedInstances.length + current.dbInstances.length >
      0,
    now: now.toISOString(),
    totals: { ...summary.totals, accounts: byAccount.length, regions: byRegion.length },
    byAccount: byAccount.sort((a, b) => b.count - a.count || a.accountId.localeCompare(b.accountId)),
    byRegion: byRegion.sort((a, b) => b.count - a.count || a.region.localeCompare(b.region)),
    vcpus,
    oracle: summary.oracle,
    databases: summary.databases,
    hosts: { ...summary.hosts, list: hostList(current) },
    reservedInstances: { ...summary.reservedInstances, expiring: expiring(current, now) },
    riCoverage: riCoverage(current.coverage, current.reservedInstances),
  };
}

function hostList(current: CurrentInventory): OverviewHost[] {
  const used = new Map<string, number>();
  for (const group of current.instances)
    if (group.hostId && OCCUPYING_STATES.has(group.state ?? ""))
      used.set(group.hostId, (used.get(group.hostId) ?? 0) + (group.vcpus ?? 0));
  return current.hosts
    .filter((h) => !RELEASED_HOST_STATES.has(h.state ?? ""))
    .map((h) => {
      const totalVcpus = h.totalVcpus ?? 0;
      const usedVcpus = used.get(h.hostId) ?? 0;
      return {
        hostId: h.hostId,
        accountId: h.accountId,
        region: h.region,
        availabilityZone: h.availabilityZone,
        state: h.state,
        instanceFamily: h.instanceFamily ?? h.instanceType,
        sockets: h.sockets ?? 0,
        cores: h.cores ?? 0,
        totalVcpus,
        usedVcpus,
        utilisation: totalVcpus > 0 ? Math.round((usedVcpus / totalVcpus) * 10_000) / 10_000 : 0,
      };
    })
    .sort(
      (a, b) =>
        a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region) || a.hostId.localeCompare(b.hostId),
    );
}

function expiring(current: CurrentInventory, now: Date): ExpiringReservation[] {
  const horizon = now.getTime() + 90 * DAY_MS;
  return current.reservedInstances
    .filter((r) => r.state === "active" && r.end !== null && Date.parse(r.end) <= horizon)
    .map((r) => ({
      reservedInstancesId: r.reservedInstancesId,
      accountId: r.accountId,
      region: r.region,
      instanceType: r.instanceType,
      instanceCount: r.instanceCount ?? 0,
      productDescription: r.productDescription,
      scope: r.scope,
      end: r.end!,
      daysLeft: Math.max(0, Math.ceil((Date.parse(r.end!) - now.getTime()) / DAY_MS)),
    }))
    .sort((a, b) => a.end.localeCompare(b.end));
}
