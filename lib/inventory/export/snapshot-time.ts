import "server-only";
import { getDb } from "../../db";
import { TYPE_CONFIG } from "../query/config";
import { ident, sql } from "../query/sql";
import type { InventoryQuery, InventoryType } from "../query/types";
import { buildWhere } from "../query/where";

// How current the exported data is: the latest lastSeenAt among the rows, or for an empty view
// the last finished run (of the filtered connections, if any). Read before streaming, so CSV rows
// and the JSON header can carry it.
export async function snapshotTime(type: InventoryType, query: InventoryQuery): Promise<Date | null> {
  const [latest] = await getDb().$queryRaw<{ lastSeenAt: Date | string }[]>(sql`
    SELECT "lastSeenAt" FROM ${ident(TYPE_CONFIG[type].table)} WHERE ${await buildWhere(type, query)}
    ORDER BY "lastSeenAt" DESC LIMIT 1`);
  // SQLite hands raw DateTime values back as the text it stores.
  if (latest) return new Date(latest.lastSeenAt);
  const connectionIds = query.filters.connection;
  const run = await getDb().run.findFirst({
    where: { finishedAt: { not: null }, ...(connectionIds ? { connectionId: { in: connectionIds } } : {}) },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true },
  });
  return run?.finishedAt ?? null;
}
