import { getDb } from "../../db";
import type { DbInstanceRow, HostRow, ReservedInstanceRow } from "../../resources/rows";
import { summarizeInventory, type InstanceInput } from "../../resources/summarize";
import { licenceFigures } from "./licence-figures";

const INSTANCE_GROUP = ["accountId", "region", "state", "licensedProduct", "licenceModel", "hostId"] as const;

// After each run: aggregates over the whole current (non-removed) inventory, kept per run for
// peak charts. A resource is one row whatever the connections that see it, so the snapshot is
// of everything, not of the run's connection (which would count shared resources once per
// connection). Stale scopes still count with their last known rows. The licence figures are
// kept too, so the licence trend can show their peaks (IBM sub-capacity licenses the peak).
export async function storeRunSnapshot(connectionId: string, runId: string, now = new Date()): Promise<void> {
  const where = { removedAt: null };
  const select = { accountId: true, region: true, data: true } as const;
  const load = <R>(rows: { accountId: string; region: string; data: string }[]) =>
    rows.map((row) => ({ ...(JSON.parse(row.data) as R), accountId: row.accountId, region: row.region }));
  const db = getDb();
  const [instances, hosts, reservedInstances, dbInstances, licence] = await Promise.all([
    // Instances are the many (640k in the bench's largest world): the database groups them on
    // the typed columns the summary reads, so neither rows nor JSON documents are loaded.
    db.ec2Instance
      .groupBy({ by: [...INSTANCE_GROUP], where, _count: { _all: true }, _sum: { vcpus: true } })
      .then((groups) =>
        groups.map(
          ({ _count, _sum, ...group }) =>
            ({ ...group, vcpus: _sum.vcpus, instances: _count._all }) as unknown as InstanceInput,
        ),
      ),
    db.dedicatedHost.findMany({ where, select }).then(load<HostRow>),
    db.reservedInstance.findMany({ where, select }).then(load<ReservedInstanceRow>),
    db.dbInstance.findMany({ where, select }).then(load<DbInstanceRow>),
    licenceFigures(now),
  ]);
  const summary = summarizeInventory({ instances, hosts, reservedInstances, dbInstances }, now);
  const values = {
    connectionId,
    scope: "all",
    takenAt: now,
    instances: summary.totals.instances,
    runningVcpus: summary.totals.runningVcpus,
    totalVcpus: summary.totals.vcpus,
    oracleProcessors: summary.oracle.totalProcessors,
    hostCores: summary.hosts.cores,
    summary: JSON.stringify(summary),
    licence,
  };
  await db.runSnapshot.upsert({ where: { runId }, create: { runId, ...values }, update: values });
}
