import { setTimeout as sleep } from "node:timers/promises";
import { getSqliteDirect, isSqliteBusy } from "../../db";
import type { ResourceType, RowOf } from "../rows";
import { insertSql, scopeSucceededSql, selectScopeSql, updateByIdsSql } from "./bulk-sql";
import { planReconcile, type ReconcilePlan, type StoredRow, type Values } from "./reconcile-plan";
import type { ResourceKind } from "./resource-kinds";
import type { ScopeRef } from "./scope-state";

const EVENT_COLUMNS = ["id", "at", "runId", "connectionId", "resourceType", "accountId", "region", "resourceId", "kind", "changes"];
const LOCK_WAIT_MS = 120_000;

// Values as Prisma stores them in SQLite: dates as ISO text with "+00:00", booleans as 0 / 1.
const toSqlite = (value: unknown) =>
  value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? (value ? 1 : 0) : (value ?? null);

// One scope's reconcile on the embedded database: read, decide and write in one synchronous
// BEGIN IMMEDIATE transaction. When another connection holds the write lock, waits for it
// without blocking the event loop, then tries again.
export async function reconcileOnSqlite<T extends ResourceType>(kind: ResourceKind<T>, scope: ScopeRef & { resourceType: T }, rows: RowOf<T>[], runId: string, now: Date): Promise<ReconcilePlan> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return writeScope(kind, scope, rows, runId, now);
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() - started > LOCK_WAIT_MS) throw error;
      await sleep(Math.min(200, 5 * attempt) * (0.5 + Math.random()));
    }
  }
}

function writeScope<T extends ResourceType>(kind: ResourceKind<T>, scope: ScopeRef & { resourceType: T }, rows: RowOf<T>[], runId: string, now: Date): ReconcilePlan {
  const { db, prepare } = getSqliteDirect();
  const run = (sql: string, values: unknown[]) => prepare(sql).run(values.map(toSqlite));
  const insert = (table: string, columns: string[], row: Values) => run(insertSql("sqlite", table, columns, 1), columns.map((column) => row[column]));
  const transaction = db.transaction(() => {
    const stored = prepare(selectScopeSql("sqlite", kind.table, kind.idField)).all(scope.connectionId, scope.accountId, scope.region) as StoredRow[];
    const plan = planReconcile(kind, stored, rows, { ...scope, runId, now });
    const createColumns = plan.creates.length ? Object.keys(plan.creates[0]) : [];
    for (const row of plan.creates) insert(kind.table, createColumns, row);
    for (const { id, values } of plan.updates) run(updateByIdsSql("sqlite", kind.table, Object.keys(values), 1), [...Object.values(values), id]);
    for (const id of plan.touchedIds) run(updateByIdsSql("sqlite", kind.table, ["lastSeenAt", "lastRunId"], 1), [now, runId, id]);
    for (const id of plan.removedIds) run(updateByIdsSql("sqlite", kind.table, ["removedAt"], 1), [now, id]);
    for (const event of plan.events) insert("ChangeEvent", EVENT_COLUMNS, event);
    run(scopeSucceededSql("sqlite"), [scope.connectionId, scope.accountId, scope.region, scope.resourceType, now, now, "succeeded", null, runId, false]);
    return plan;
  });
  return transaction.immediate();
}
