import { getDb } from "../../db";
import type { DbInstanceRow, HostRow, InstanceRow, ReservedInstanceRow } from "../rows";
import { summarizeInventory } from "./summarize";

type Located = { accountId: string; region: string };

const INSTANCE_FIELDS = { accountId: true, region: true, state: true, vcpus: true, licensedProduct: true, licenceModel: true, hostId: true } as const;

// After each run: aggregates over the connection's current (non-removed) inventory, kept per
// run for peak charts. Stale scopes still count with their last known rows.
export async function storeRunSnapshot(connectionId: string, runId: string, now = new Date()): Promise<void> {
  const where = { connectionId, removedAt: null };
  const select = { accountId: true, region: true, data: true } as const;
  const load = <R>(rows: { accountId: string; region: string; data: string }[]) =>
    rows.map((row) => ({ ...(JSON.parse(row.data) as R), accountId: row.accountId, region: row.region }));
  const db = getDb();
  const [instances, hosts, reservedInstances, dbInstances] = await Promise.all([
    // Instances are the many (160k in the bench): their typed columns hold every field the
    // summary reads, so the JSON documents are neither loaded nor parsed.
    db.ec2Instance.findMany({ where, select: INSTANCE_FIELDS }) as unknown as Promise<(InstanceRow & Located)[]>,
    db.dedicatedHost.findMany({ where, select }).then(load<HostRow>),
    db.reservedInstance.findMany({ where, select }).then(load<ReservedInstanceRow>),
    db.dbInstance.findMany({ where, select }).then(load<DbInstanceRow>),
  ]);
  const summary = summarizeInventory({ instances, hosts, reservedInstances, dbInstances } as Parameters<typeof summarizeInventory>[0] & { instances: (InstanceRow & Located)[] }, now);
  const values = {
    connectionId,
    takenAt: now,
    instances: summary.totals.instances,
    runningVcpus: summary.totals.runningVcpus,
    totalVcpus: summary.totals.vcpus,
    oracleProcessors: summary.oracle.totalProcessors,
    hostCores: summary.hosts.cores,
    summary: JSON.stringify(summary),
  };
  await db.runSnapshot.upsert({ where: { runId }, create: { runId, ...values }, update: values });
}
