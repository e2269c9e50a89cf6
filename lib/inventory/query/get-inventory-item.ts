import "server-only";
import { getDb } from "../../db";
import { TYPE_CONFIG } from "./config";
import { loadRowContext } from "./context";
import { toInventoryRow } from "./list-inventory";
import { modelOf, parseJson, selectFor } from "./model";
import { RESOURCE_TYPE_OF, type InventoryItem, type InventoryType } from "./types";

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
  const context = await loadRowContext(RESOURCE_TYPE_OF[type], [row]);
  const resourceId = String(row[config.idColumn]);
  const events = await getDb().changeEvent.findMany({
    where: { connectionId: row.connectionId, resourceType: RESOURCE_TYPE_OF[type], resourceId, accountId: row.accountId, region: row.region },
    orderBy: { at: "desc" },
    take: 200,
    select: { id: true, at: true, kind: true, runId: true, changes: true },
  });
  const data = (parseJson(row.data) ?? {}) as Record<string, unknown>;
  const { raw: _raw, tags, ...rest } = data;
  void _raw;
  return {
    ...toInventoryRow(type, row, context),
    tags: (tags ?? {}) as Record<string, string>,
    data: rest,
    raw: parseJson(row.raw as string),
    history: [
      // Databases collected before firstSeenAt replaced "created" events may still hold some.
      ...events.filter((event) => event.kind !== "created").map((event) => ({ id: event.id, at: event.at.toISOString(), kind: event.kind, runId: event.runId, changes: parseJson(event.changes) })),
      { id: `${row.id}:created`, at: (row.firstSeenAt as Date).toISOString(), kind: "created", runId: null, changes: null },
    ],
  };
}
