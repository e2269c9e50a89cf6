import { getDb } from "../../db";
import type { ResourceType, RowOf } from "../rows";
import { diffFields } from "./diff-fields";
import { RESOURCE_KINDS } from "./resource-kinds";
import { markScopeSucceeded, type ScopeRef } from "./scope-state";

type StoredRow = { id: string; data: string; removedAt: Date | null } & Record<string, unknown>;
type Delegate = {
  findMany(args: unknown): Promise<StoredRow[]>;
  createMany(args: { data: unknown[] }): Promise<unknown>;
  updateMany(args: unknown): Promise<unknown>;
  update(args: unknown): Promise<unknown>;
};
type ChangeEventData = { at: Date; runId: string; connectionId: string; resourceType: string; accountId: string; region: string; resourceId: string; kind: string; changes?: string };

export type ReconcileResult = { created: number; changed: number; removed: number; unchanged: number };

const CHUNK = 500;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

// Called only for a scope that was listed completely (SECURITY.md 18). In one transaction: new
// resources get firstSeenAt, present ones lastSeenAt (changed licence fields become change
// events), absent ones get removedAt and stay. Unchanged rows are touched in bulk, so a re-run
// over an unchanged world writes no history and little else.
export async function reconcileScope<T extends ResourceType>(scope: ScopeRef & { resourceType: T }, rows: RowOf<T>[], runId: string, now = new Date()): Promise<ReconcileResult> {
  const kind = RESOURCE_KINDS[scope.resourceType];
  const { connectionId, accountId, region } = scope;
  const result: ReconcileResult = { created: 0, changed: 0, removed: 0, unchanged: 0 };
  await getDb().$transaction(
    async (tx) => {
      const table = (tx as unknown as Record<string, Delegate>)[kind.model];
      const existing = await table.findMany({ where: { connectionId, accountId, region }, select: { id: true, [kind.idField]: true, data: true, removedAt: true } });
      const byResourceId = new Map(existing.map((row) => [row[kind.idField] as string, row]));
      const seen = new Set<string>();
      const creates: unknown[] = [];
      const touched: string[] = [];
      const events: ChangeEventData[] = [];
      const event = (resourceId: string, kindName: string, changes?: unknown) =>
        events.push({ at: now, runId, connectionId, resourceType: scope.resourceType, accountId, region, resourceId, kind: kindName, changes: changes ? JSON.stringify(changes) : undefined });

      for (const row of rows) {
        const resourceId = kind.idOf(row);
        if (seen.has(resourceId)) continue;
        seen.add(resourceId);
        const { raw, ...data } = row as RowOf<T> & { raw: unknown };
        const dataJson = JSON.stringify(data);
        const stored = byResourceId.get(resourceId);
        const values = { ...kind.columns(row), data: dataJson, raw: JSON.stringify(raw ?? null), lastSeenAt: now, lastRunId: runId };
        if (!stored) {
          creates.push({ connectionId, accountId, region, [kind.idField]: resourceId, ...values, firstSeenAt: now });
          event(resourceId, "created");
        } else if (stored.data === dataJson && !stored.removedAt) {
          touched.push(stored.id);
        } else {
          const changes = diffFields(JSON.parse(stored.data), data, kind.tracked);
          await table.update({ where: { id: stored.id }, data: { ...values, removedAt: null } });
          if (stored.removedAt) event(resourceId, "reappeared", changes);
          else if (changes.length) event(resourceId, "changed", changes);
          result.changed++;
        }
      }
      const removed = existing.filter((row) => !row.removedAt && !seen.has(row[kind.idField] as string));
      for (const part of chunks(creates)) await table.createMany({ data: part });
      for (const part of chunks(touched)) await table.updateMany({ where: { id: { in: part } }, data: { lastSeenAt: now, lastRunId: runId } });
      for (const part of chunks(removed.map((row) => row.id))) await table.updateMany({ where: { id: { in: part } }, data: { removedAt: now } });
      removed.forEach((row) => event(row[kind.idField] as string, "removed"));
      for (const part of chunks(events)) await tx.changeEvent.createMany({ data: part });
      await markScopeSucceeded(tx, { ...scope }, runId, now);
      Object.assign(result, { created: creates.length, removed: removed.length, unchanged: touched.length });
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
  return result;
}
