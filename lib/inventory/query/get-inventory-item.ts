import "server-only";
import { resourceTypeOf } from "../../resources/registry";
import { getDb } from "../../db";
import { TYPE_CONFIG } from "./config";
import { loadRowContext } from "./context";
import { toInventoryRow } from "./inventory-row";
import { modelOf, parseJson, selectFor } from "./model";
import { type InventoryItem, type InventoryType } from "./types";

// One resource for the detail drawer: all fields, tags, raw API JSON and its change history.
// `id` is the stored row's id; the resource id (i-..., h-...) is also accepted.
export async function getInventoryItem(type: InventoryType, id: string): Promise<InventoryItem | null> {
  const config = TYPE_CONFIG[type];
  const row = await modelOf(type).findFirst({
    where: { OR: [{ id }, { [config.idColumn]: id }] },
    orderBy: [{ removedAt: "asc" }, { lastSeenAt: "desc" }],
    select: selectFor(type, { raw: true }),
  });
  if (!row) return null;
  const context = await loadRowContext(resourceTypeOf(type), [row]);
  const resourceId = String(row[config.idColumn]);
  const resource = { resourceType: resourceTypeOf(type), resourceId, accountId: row.accountId, region: row.region };
  // The history is the resource's, whichever connection observed each change.
  const [events, sightings] = await Promise.all([
    getDb().changeEvent.findMany({
      where: resource,
      orderBy: { at: "desc" },
      take: 200,
      select: { id: true, at: true, kind: true, runId: true, changes: true },
    }),
    getDb().sighting.findMany({
      where: resource,
      orderBy: { firstSeenAt: "asc" },
      select: { connectionId: true, firstSeenAt: true, lastSeenAt: true, endedAt: true, endReason: true },
    }),
  ]);
  const names = new Map(
    (
      await getDb().connection.findMany({
        where: { id: { in: sightings.map((s) => s.connectionId) } },
        select: { id: true, name: true },
      })
    ).map((c) => [c.id, c.name]),
  );
  const data = (parseJson(row.data) ?? {}) as Record<string, unknown>;
  const { raw: _raw, tags, ...rest } = data;
  void _raw;
  return {
    ...toInventoryRow(type, row, context),
    sightings: sightings.map((s) => ({
      connectionId: s.connectionId,
      // A deleted connection's sightings stay until its history is purged.
      connectionName: names.get(s.connectionId) ?? null,
      firstSeenAt: s.firstSeenAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      endedAt: s.endedAt?.toISOString() ?? null,
      endReason: s.endReason,
    })),
    tags: (tags ?? {}) as Record<string, string>,
    data: rest,
    raw: parseJson(row.raw as string),
    history: [
      // Databases collected before firstSeenAt replaced "created" events may still hold some.
      ...events
        .filter((event) => event.kind !== "created")
        .map((event) => ({
          id: event.id,
          at: event.at.toISOString(),
          kind: event.kind,
          runId: event.runId,
          changes: parseJson(event.changes),
        })),
      {
        id: `${row.id}:created`,
        at: (row.firstSeenAt as Date).toISOString(),
        kind: "created",
        runId: null,
        changes: null,
      },
    ],
  };
}
