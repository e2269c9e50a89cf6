import { getDb } from "../../db";
import { Prisma } from "../../db/generated/sqlite/client";
import { ValidationError } from "../../errors";
import { RESOURCES } from "../../resources/registry";
import { RESOURCE_TYPES } from "../../resources/rows";

export type DeletedConnectionHistory = {
  connectionId: string;
  name: string;
  sightings: number;
  runs: number;
  lastRunAt: Date | null;
};

// Connections that were deleted but whose history is still kept: their runs, sightings and
// change events (deleting a connection ends its sightings; the history stays for audits).
export async function listDeletedConnectionHistory(): Promise<DeletedConnectionHistory[]> {
  const db = getDb();
  const live = new Set((await db.connection.findMany({ select: { id: true } })).map((c) => c.id));
  const [runs, sightings] = await Promise.all([
    db.run.groupBy({ by: ["connectionId", "connectionName"], _count: { _all: true }, _max: { createdAt: true } }),
    db.sighting.groupBy({ by: ["connectionId"], _count: { _all: true } }),
  ]);
  const byId = new Map<string, DeletedConnectionHistory>();
  for (const run of runs) {
    if (live.has(run.connectionId)) continue;
    const known = byId.get(run.connectionId);
    const lastRunAt = run._max.createdAt;
    // A renamed connection has runs under several names: the newest one names it.
    if (!known || (lastRunAt && (!known.lastRunAt || lastRunAt > known.lastRunAt))) {
      byId.set(run.connectionId, {
        connectionId: run.connectionId,
        name: run.connectionName,
        sightings: 0,
        runs: (known?.runs ?? 0) + run._count._all,
        lastRunAt,
      });
    } else known.runs += run._count._all;
  }
  for (const sighting of sightings) {
    if (live.has(sighting.connectionId)) continue;
    const entry = byId.get(sighting.connectionId) ?? {
      connectionId: sighting.connectionId,
      name: "(unnamed)",
      sightings: 0,
      runs: 0,
      lastRunAt: null,
    };
    entry.sightings = sighting._count._all;
    byId.set(sighting.connectionId, entry);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export type PurgeResult = { runs: number; sightings: number; changeEvents: number; resources: number };

// Removes every trace of a deleted connection: its runs (scopes, snapshots), its sightings and
// the change events it observed; resources that no other connection ever saw go with it, and
// the others no longer list it in "seen by". Refuses a connection that still exists.
export async function purgeDeletedConnection(connectionId: string): Promise<PurgeResult> {
  const db = getDb();
  if (await db.connection.findUnique({ where: { id: connectionId }, select: { id: true } })) {
    throw new ValidationError("Only a deleted connection's history can be purged: delete the connection first");
  }
  return db.$transaction(
    async (tx) => {
      let resources = 0;
      for (const resourceType of RESOURCE_TYPES) {
        const model = tx[modelKey(RESOURCES[resourceType].store.table)] as unknown as {
          findMany(args: unknown): Promise<{ id: string; seenBy: string }[]>;
          deleteMany(args: unknown): Promise<{ count: number }>;
          update(args: unknown): Promise<unknown>;
        };
        const rows = await model.findMany({
          where: { seenBy: { contains: `|${connectionId}|` } },
          select: { id: true, seenBy: true },
        });
        // Their tag filter rows first, while the rows that name them are still there.
        const table = Prisma.raw(`"${RESOURCES[resourceType].store.table}"`);
        await tx.$executeRaw`DELETE FROM "InventoryTag" WHERE "rowId" IN (SELECT "id" FROM ${table} WHERE "seenBy" = ${`|${connectionId}|`})`;
        // By seenBy, not by an id list: a type with many rows (installed software) would exceed
        // the database's bound-parameter limit.
        resources += (await model.deleteMany({ where: { seenBy: `|${connectionId}|` } })).count;
        for (const row of rows.filter((candidate) => candidate.seenBy !== `|${connectionId}|`)) {
          await model.update({ where: { id: row.id }, data: { seenBy: row.seenBy.replace(`|${connectionId}|`, "|") } });
        }
      }
      const runIds = (await tx.run.findMany({ where: { connectionId }, select: { id: true } })).map((run) => run.id);
      await tx.runScope.deleteMany({ where: { runId: { in: runIds } } });
      // Its runs' whole-inventory snapshots are everyone's peak history: only its own go.
      await tx.runSnapshot.deleteMany({ where: { runId: { in: runIds }, scope: "connection" } });
      const runs = (await tx.run.deleteMany({ where: { connectionId } })).count;
      const sightings = (await tx.sighting.deleteMany({ where: { connectionId } })).count;
      const changeEvents = (await tx.changeEvent.deleteMany({ where: { connectionId } })).count;
      await tx.account.deleteMany({ where: { connectionId } });
      return { runs, sightings, changeEvents, resources };
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

const modelKey = (table: string) =>
  (table.charAt(0).toLowerCase() + table.slice(1)) as
    "ec2Instance" | "dedicatedHost" | "reservedInstance" | "dbInstance" | "managedNode" | "installedSoftware";
