import "server-only";
import { getDb } from "@/lib/db";
import type { SnapshotPoint } from "./vcpu-series";

// The period's snapshots of existing connections, plus each one's last snapshot before the
// period (what was current when it began).
export async function loadSnapshots(from: Date, to: Date, connectionIds?: string[]): Promise<SnapshotPoint[]> {
  const db = getDb();
  const ids = connectionIds ?? (await db.connection.findMany({ select: { id: true } })).map((c) => c.id);
  const select = { connectionId: true, takenAt: true, runningVcpus: true, totalVcpus: true, instances: true } as const;
  const [inPeriod, before] = await Promise.all([
    db.runSnapshot.findMany({ where: { connectionId: { in: ids }, takenAt: { gte: from, lte: to } }, select, orderBy: { takenAt: "asc" } }),
    Promise.all(ids.map((connectionId) => db.runSnapshot.findFirst({ where: { connectionId, takenAt: { lt: from } }, select, orderBy: { takenAt: "desc" } }))),
  ]);
  return [...before.filter((s): s is NonNullable<typeof s> => s !== null), ...inPeriod];
}
