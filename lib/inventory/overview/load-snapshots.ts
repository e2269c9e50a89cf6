import "server-only";
import { getDb } from "@/lib/db";
import type { SnapshotPoint } from "./vcpu-series";

// The period's snapshots plus what was current when it began: the last whole-inventory
// snapshot before the period, and for databases from before resources were counted once, each
// existing connection's last snapshot of its own rows.
export async function loadSnapshots(from: Date, to: Date, connectionIds?: string[]): Promise<SnapshotPoint[]> {
  const db = getDb();
  const ids = connectionIds ?? (await db.connection.findMany({ select: { id: true } })).map((c) => c.id);
  const select = {
    connectionId: true,
    scope: true,
    takenAt: true,
    runningVcpus: true,
    totalVcpus: true,
    instances: true,
  } as const;
  const perConnection = { scope: "connection", connectionId: { in: ids } };
  const [inPeriod, allBefore, connectionsBefore] = await Promise.all([
    db.runSnapshot.findMany({
      where: { takenAt: { gte: from, lte: to }, OR: [{ scope: "all" }, perConnection] },
      select,
      orderBy: { takenAt: "asc" },
    }),
    db.runSnapshot.findFirst({ where: { scope: "all", takenAt: { lt: from } }, select, orderBy: { takenAt: "desc" } }),
    Promise.all(
      ids.map((connectionId) =>
        db.runSnapshot.findFirst({
          where: { scope: "connection", connectionId, takenAt: { lt: from } },
          select,
          orderBy: { takenAt: "desc" },
        }),
      ),
    ),
  ]);
  return [allBefore, ...connectionsBefore].filter((s): s is NonNullable<typeof s> => s !== null).concat(inPeriod);
}
