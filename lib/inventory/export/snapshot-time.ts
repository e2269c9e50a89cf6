import "server-only";
import { getDb } from "../../db";
import { modelOf } from "../query/model";
import type { InventoryQuery, InventoryType } from "../query/types";
import { buildWhere } from "../query/where";

// How current the exported data is: the latest lastSeenAt among the rows, or for an empty view
// the last finished run (of the filtered connections, if any). Read before streaming, so CSV rows
// and the JSON header can carry it.
export async function snapshotTime(type: InventoryType, query: InventoryQuery): Promise<Date | null> {
  const latest = await modelOf(type).findFirst({
    where: await buildWhere(type, query),
    orderBy: { lastSeenAt: "desc" },
    select: { lastSeenAt: true },
  });
  if (latest) return latest.lastSeenAt;
  const connectionIds = query.filters.connection;
  const run = await getDb().run.findFirst({
    where: { finishedAt: { not: null }, ...(connectionIds ? { connectionId: { in: connectionIds } } : {}) },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true },
  });
  return run?.finishedAt ?? null;
}
