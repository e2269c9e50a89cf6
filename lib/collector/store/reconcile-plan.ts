import type { ResourceType, RowOf } from "../rows";
import { diffFields } from "./diff-fields";
import type { ResourceKind } from "./resource-kinds";
import { newRowId } from "./row-id";

// What is stored for one resource of the scope before the run. removedAt is whatever the
// driver returns (text on SQLite, Date on PostgreSQL): only "null or not" matters here.
export type StoredRow = { id: string; resourceId: string; data: string; removedAt: unknown };
export type Values = Record<string, unknown>;

export type ReconcilePlan = {
  creates: Values[];
  updates: { id: string; values: Values }[];
  touchedIds: string[];
  removedIds: string[];
  events: Values[];
};

type Context = { connectionId: string; accountId: string; region: string; resourceType: ResourceType; runId: string; now: Date };

// The reconcile decision for one completely listed scope, apart from any database: new
// resources are created (firstSeenAt), changed ones rewritten (licence-field changes become
// events), unchanged ones only touched (lastSeenAt), absent ones marked removed and kept.
export function planReconcile<T extends ResourceType>(kind: ResourceKind<T>, stored: StoredRow[], rows: RowOf<T>[], ctx: Context): ReconcilePlan {
  const { connectionId, accountId, region, runId, now } = ctx;
  const byResourceId = new Map(stored.map((row) => [row.resourceId, row]));
  const seen = new Set<string>();
  const plan: ReconcilePlan = { creates: [], updates: [], touchedIds: [], removedIds: [], events: [] };
  const event = (resourceId: string, kindName: string, changes?: unknown) =>
    plan.events.push({ id: newRowId(), at: now, runId, connectionId, resourceType: ctx.resourceType, accountId, region, resourceId, kind: kindName, changes: changes ? JSON.stringify(changes) : null });

  for (const row of rows) {
    const resourceId = kind.idOf(row);
    if (seen.has(resourceId)) continue;
    seen.add(resourceId);
    const { raw, ...data } = row as RowOf<T> & { raw: unknown };
    const dataJson = JSON.stringify(data);
    const before = byResourceId.get(resourceId);
    if (before && before.data === dataJson && before.removedAt === null) {
      plan.touchedIds.push(before.id);
      continue;
    }
    const values = { ...kind.columns(row), data: dataJson, raw: JSON.stringify(raw ?? null), lastSeenAt: now, lastRunId: runId, removedAt: null };
    if (!before) {
      // No "created" event: firstSeenAt records it (the drawer's history shows it from there),
      // which keeps a first collection of 100k resources from writing 100k history rows.
      plan.creates.push({ id: newRowId(), connectionId, accountId, region, [kind.idField]: resourceId, ...values, firstSeenAt: now });
      continue;
    }
    const changes = diffFields(JSON.parse(before.data), data, kind.tracked);
    plan.updates.push({ id: before.id, values });
    if (before.removedAt !== null) event(resourceId, "reappeared", changes);
    else if (changes.length) event(resourceId, "changed", changes);
  }
  for (const row of stored) {
    if (row.removedAt !== null || seen.has(row.resourceId)) continue;
    plan.removedIds.push(row.id);
    event(row.resourceId, "removed");
  }
  return plan;
}
