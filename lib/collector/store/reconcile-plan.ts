import { searchTextOf } from "../../resources/search-text";
import { tagRowsOf, tagsDiffer } from "../../resources/tag-rows";
import type { ResourceDefinition } from "../../resources/definition";
import type { ResourceType, RowOf } from "../../resources/rows";
import { diffFields } from "./diff-fields";
import { newRowId } from "./row-id";

// One stored resource of the scope's account + region (every connection's: there is one row
// per AWS resource). removedAt is whatever the driver returns (text on SQLite, Date on
// PostgreSQL): only "null or not" matters here.
export type StoredRow = { id: string; resourceId: string; data: string; removedAt: unknown; seenBy: string };
// Every connection's sightings of the scope's account + region + resource type.
export type StoredSighting = { resourceId: string; connectionId: string; endedAt: unknown };
export type Values = Record<string, unknown>;

export type ReconcilePlan = {
  creates: Values[];
  updates: { id: string; values: Values }[];
  touchedIds: string[];
  removedIds: string[];
  events: Values[];
  // This connection's sightings: new ones, ones seen again, ones it no longer sees.
  sightingCreates: Values[];
  sightingsSeen: string[];
  sightingsEnded: string[];
  // The tag filter's rows (InventoryTag) of created rows and of updated rows whose tags changed;
  // those rows' old tag rows go first.
  tagCreates: Values[];
  tagsReplaced: string[];
};

type Context<T extends ResourceType> = {
  connectionId: string;
  accountId: string;
  region: string;
  resourceType: T;
  runId: string;
  now: Date;
};

// The row as stored in `data`: every field but `raw`, in the row's own order. Blanking `raw` for
// the call (JSON.stringify leaves undefined out) instead of copying the row without it: a copy
// per row was most of planReconcile's time and garbage on a first collection of 150k rows.
function dataJsonOf(row: object): string {
  const record = row as { raw?: unknown };
  const raw = record.raw;
  if (raw === undefined) return JSON.stringify(row);
  record.raw = undefined;
  try {
    return JSON.stringify(row);
  } finally {
    record.raw = raw;
  }
}

export const seenByWith = (seenBy: string, connectionId: string) =>
  seenBy.includes(`|${connectionId}|`) ? seenBy : `${seenBy || "|"}${connectionId}|`;

// The reconcile decision for one completely listed scope of one connection, apart from any
// database. A resource is one row whatever the connections that see it: what this connection
// sees now is the newest observation, so new resources are created, changed ones rewritten
// (licence-field changes become events) and unchanged ones touched. A resource this connection
// no longer sees ends its sighting, and is marked removed only when no other connection still
// sees it; one that other connections see but this one never did is not its business.
export function planReconcile<T extends ResourceType>(
  store: ResourceDefinition<T>["store"],
  stored: StoredRow[],
  sightings: StoredSighting[],
  rows: RowOf<T>[],
  ctx: Context<T>,
): ReconcilePlan {
  const { connectionId, accountId, region, runId, now } = ctx;
  const byResourceId = new Map(stored.map((row) => [row.resourceId, row]));
  const mine = new Map(sightings.filter((s) => s.connectionId === connectionId).map((s) => [s.resourceId, s]));
  const othersLive = new Set(
    sightings.filter((s) => s.connectionId !== connectionId && s.endedAt === null).map((s) => s.resourceId),
  );
  const seen = new Set<string>();
  const plan: ReconcilePlan = {
    creates: [],
    updates: [],
    touchedIds: [],
    removedIds: [],
    events: [],
    sightingCreates: [],
    sightingsSeen: [],
    sightingsEnded: [],
    tagCreates: [],
    tagsReplaced: [],
  };
  const event = (resourceId: string, kindName: string, changes?: unknown) =>
    plan.events.push({
      id: newRowId(),
      at: now,
      runId,
      connectionId,
      resourceType: ctx.resourceType,
      accountId,
      region,
      resourceId,
      kind: kindName,
      changes: changes ? JSON.stringify(changes) : null,
    });

  for (const row of rows) {
    const resourceId = store.idOf(row);
    if (seen.has(resourceId)) continue;
    seen.add(resourceId);
    if (mine.has(resourceId)) plan.sightingsSeen.push(resourceId);
    else
      plan.sightingCreates.push({
        resourceType: ctx.resourceType,
        accountId,
        region,
        resourceId,
        connectionId,
        firstSeenAt: now,
        lastSeenAt: now,
        lastRunId: runId,
        endedAt: null,
        endReason: null,
      });

    const dataJson = dataJsonOf(row);
    const before = byResourceId.get(resourceId);
    const seenBy = seenByWith(before?.seenBy ?? "", connectionId);
    if (before && before.data === dataJson && before.removedAt === null && before.seenBy === seenBy) {
      plan.touchedIds.push(before.id);
      continue;
    }
    const values = store.columns(row) as Values;
    values.connectionId = connectionId;
    values.data = dataJson;
    values.searchText = searchTextOf(row);
    values.raw = JSON.stringify((row as { raw?: unknown }).raw ?? null);
    values.lastSeenAt = now;
    values.lastRunId = runId;
    values.removedAt = null;
    values.removedReason = null;
    values.seenBy = seenBy;
    if (!before) {
      // No "created" event: firstSeenAt records it (the drawer's history shows it from there),
      // which keeps a first collection of 100k resources from writing 100k history rows.
      values.id = newRowId();
      values.accountId = accountId;
      values.region = region;
      values[store.idField] = resourceId;
      values.firstSeenAt = now;
      plan.creates.push(values);
      plan.tagCreates.push(...tagRowsOf(values.id as string, row));
      continue;
    }
    const beforeData = JSON.parse(before.data) as Values;
    const changes = diffFields(beforeData, row as Values, store.tracked);
    plan.updates.push({ id: before.id, values });
    if (tagsDiffer(beforeData, row)) {
      plan.tagsReplaced.push(before.id);
      plan.tagCreates.push(...tagRowsOf(before.id, row));
    }
    if (before.removedAt !== null) event(resourceId, "reappeared", changes);
    else if (changes.length) event(resourceId, "changed", changes);
  }
  for (const [resourceId, sighting] of mine) {
    if (seen.has(resourceId) || sighting.endedAt !== null) continue;
    plan.sightingsEnded.push(resourceId);
    const row = byResourceId.get(resourceId);
    if (!row || row.removedAt !== null || othersLive.has(resourceId)) continue;
    plan.removedIds.push(row.id);
    event(resourceId, "removed");
  }
  return plan;
}
