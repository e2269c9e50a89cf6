import { oracleRdsTotals, type OracleRdsTotals } from "@/lib/licensing";
import type { DbInstanceRow, HostRow, InstanceRow, LicenceModel, ReservedInstanceRow } from "./rows";

// The per-run aggregate snapshot behind the peak charts: plain JSON, computed from the
// connection's current (non-removed) rows. Licence rules live in lib/licensing.

type Located<R> = R & { accountId: string; region: string };

// An instance row, or a group of alike instances from a database GROUP BY (same account,
// region, licence, state and host): `instances` says how many, and `vcpus` is then their sum.
export type InstanceInput = Located<InstanceRow> & { instances?: number };

export type InventoryInput = {
  instances: InstanceInput[];
  hosts: Located<HostRow>[];
  reservedInstances: Located<ReservedInstanceRow>[];
  dbInstances: Located<DbInstanceRow>[];
};

/** Instances and their vCPUs; "running" is State.Name = running. */
export type Tally = { count: number; running: number; vcpus: number; runningVcpus: number };

export type InventorySummary = {
  takenAt: string;
  totals: Tally & {
    instances: number;
    byAccount: Record<string, Tally>;
    byRegion: Record<string, Tally>;
    byLicence: (Tally & { licensedProduct: string; licenceModel: LicenceModel })[];
  };
  oracle: OracleRdsTotals;
  databases: { count: number; byEngine: { engine: string; licenceModel: LicenceModel; count: number; vcpus: number }[] };
  hosts: { count: number; released: number; sockets: number; cores: number; totalVcpus: number; usedVcpus: number; utilisation: number };
  reservedInstances: { count: number; active: number; activeInstances: number; expiringIn30Days: Expiring; expiringIn90Days: Expiring };
};

type Expiring = { count: number; instances: number };

const DAY_MS = 86_400_000;
const RELEASED_HOST_STATES = new Set(["released", "released-permanent-failure"]);
// A stopped instance gives its capacity on a dedicated host back; only these occupy it.
const OCCUPYING_STATES = new Set(["pending", "running", "stopping", "shutting-down"]);

export function summarizeInventory(input: InventoryInput, now: Date): InventorySummary {
  const all = emptyTally();
  const byAccount = new Map<string, Tally>();
  const byRegion = new Map<string, Tally>();
  const byLicence = new Map<string, Tally & { licensedProduct: string; licenceModel: LicenceModel }>();
  for (const i of input.instances) {
    const licenceKey = `${i.licensedProduct}|${i.licenceModel}`;
    if (!byLicence.has(licenceKey)) byLicence.set(licenceKey, { licensedProduct: i.licensedProduct, licenceModel: i.licenceModel, ...emptyTally() });
    for (const tally of [all, entry(byAccount, i.accountId), entry(byRegion, i.region), byLicence.get(licenceKey)!]) count(tally, i);
  }
  return {
    takenAt: now.toISOString(),
    totals: {
      ...all,
      instances: all.count,
      byAccount: sortedRecord(byAccount),
      byRegion: sortedRecord(byRegion),
      byLicence: [...byLicence.values()].sort((a, b) => a.licensedProduct.localeCompare(b.licensedProduct) || a.licenceModel.localeCompare(b.licenceModel)),
    },
    oracle: oracleRdsTotals(input.dbInstances),
    databases: databases(input.dbInstances),
    hosts: hosts(input.hosts, input.instances),
    reservedInstances: reservations(input.reservedInstances, now),
  };
}

function emptyTally(): Tally {
  return { count: 0, running: 0, vcpus: 0, runningVcpus: 0 };
}

function count(tally: Tally, instance: InstanceInput): void {
  const vcpus = instance.vcpus ?? 0;
  const instances = instance.instances ?? 1;
  tally.count += instances;
  tally.vcpus += vcpus;
  if (instance.state === "running") {
    tally.running += instances;
    tally.runningVcpus += vcpus;
  }
}

function entry(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyTally()));
  return tally;
}

function sortedRecord<V>(map: Map<string, V>): Record<string, V> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function databases(dbs: DbInstanceRow[]): InventorySummary["databases"] {
  const byEngine = new Map<string, InventorySummary["databases"]["byEngine"][number]>();
  for (const db of dbs) {
    const engine = db.engine ?? "unknown";
    const key = `${engine}|${db.licenceModel}`;
    if (!byEngine.has(key)) byEngine.set(key, { engine, licenceModel: db.licenceModel, count: 0, vcpus: 0 });
    const tally = byEngine.get(key)!;
    tally.count++;
    tally.vcpus += db.vcpus ?? 0;
  }
  return { count: dbs.length, byEngine: [...byEngine.values()].sort((a, b) => a.engine.localeCompare(b.engine) || a.licenceModel.localeCompare(b.licenceModel)) };
}

// Released hosts stay listed for a while but hold nothing. Used vCPUs are those of the instances
// placed on the active hosts (from any account: hosts can be shared), joined on Placement.HostId.
function hosts(rows: HostRow[], instances: InstanceRow[]): InventorySummary["hosts"] {
  const active = rows.filter((h) => !RELEASED_HOST_STATES.has(h.state ?? ""));
  const activeIds = new Set(active.map((h) => h.hostId));
  const sum = (pick: (h: HostRow) => number | null) => active.reduce((n, h) => n + (pick(h) ?? 0), 0);
  const totalVcpus = sum((h) => h.totalVcpus);
  const usedVcpus = instances.filter((i) => i.hostId && activeIds.has(i.hostId) && OCCUPYING_STATES.has(i.state ?? "")).reduce((n, i) => n + (i.vcpus ?? 0), 0);
  return {
    count: active.length,
    released: rows.length - active.length,
    sockets: sum((h) => h.sockets),
    cores: sum((h) => h.cores),
    totalVcpus,
    usedVcpus,
    utilisation: totalVcpus > 0 ? Math.round((usedVcpus / totalVcpus) * 10_000) / 10_000 : 0,
  };
}

function reservations(rows: ReservedInstanceRow[], now: Date): InventorySummary["reservedInstances"] {
  const active = rows.filter((r) => r.state === "active");
  const expiringWithin = (days: number): Expiring => {
    const horizon = now.getTime() + days * DAY_MS;
    const expiring = active.filter((r) => r.end !== null && Date.parse(r.end) <= horizon);
    return { count: expiring.length, instances: expiring.reduce((n, r) => n + (r.instanceCount ?? 0), 0) };
  };
  return {
    count: rows.length,
    active: active.length,
    activeInstances: active.reduce((n, r) => n + (r.instanceCount ?? 0), 0),
    expiringIn30Days: expiringWithin(30),
    expiringIn90Days: expiringWithin(90),
  };
}
