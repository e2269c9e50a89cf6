import { setTimeout as sleep } from "node:timers/promises";
import type Database from "better-sqlite3";
import { getSqliteDirect, isSqliteBusy } from "../../db";
import type { ResourceDefinition } from "../../resources/definition";
import type { ResourceType, RowOf } from "../../resources/rows";
import {
  batches,
  deleteByIdsSql,
  insertSql,
  scopeSucceededSql,
  selectScopeSql,
  selectSightingsSql,
  updateByIdsSql,
  updateSightingsSql,
} from "./bulk-sql";
import { planReconcile, type ReconcilePlan, type StoredRow, type StoredSighting, type Values } from "./reconcile-plan";
import type { ScopeRef } from "./scope-state";
import { FencedOutError } from "../jobs/run-job-store";
import { scopeCommitStatements, type ScopeCommit } from "./scope-commit-sql";

const LOCK_WAIT_MS = 120_000;
const BATCH = 100;

// Values as Prisma stores them in SQLite: dates as ISO text with "+00:00", booleans as 0 / 1.
const toSqlite = (value: unknown) =>
  value instanceof Date
    ? value.toISOString().replace("Z", "+00:00")
    : typeof value === "boolean"
      ? value
        ? 1
        : 0
      : (value ?? null);

// One scope's reconcile on the embedded database: read, decide and write in one synchronous
// BEGIN IMMEDIATE transaction. When another connection holds the write lock, waits for it
// without blocking the event loop, then tries again.
export async function reconcileOnSqlite<T extends ResourceType>(
  store: ResourceDefinition<T>["store"],
  scope: ScopeRef & { resourceType: T },
  rows: RowOf<T>[],
  runId: string,
  now: Date,
  commit: ScopeCommit,
): Promise<ReconcilePlan> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return writeScope(store, scope, rows, runId, now, commit);
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() - started > LOCK_WAIT_MS) throw error;
      await sleep(Math.min(200, 5 * attempt) * (0.5 + Math.random()));
    }
  }
}

// The multi-row INSERT text per table, columns and row count: building ~3 kB of SQL for every
// batch only to find its prepared statement again cost more than the lookup.
const insertTexts = new Map<string, string>();
function insertStatement(prepare: (sql: string) => Database.Statement, table: string, columns: string[], rows: number) {
  const key = `${table}|${rows}|${columns.join(",")}`;
  let sql = insertTexts.get(key);
  if (!sql) insertTexts.set(key, (sql = insertSql("sqlite", table, columns, rows)));
  return prepare(sql);
}

function writeScope<T extends ResourceType>(
  store: ResourceDefinition<T>["store"],
  scope: ScopeRef & { resourceType: T },
  rows: RowOf<T>[],
  runId: string,
  now: Date,
  commit: ScopeCommit,
): ReconcilePlan {
  const { db, prepare } = getSqliteDirect();
  const run = (statement: Database.Statement, values: unknown[]) => statement.run(values.map(toSqlite));
  // Multi-row statements (at most BATCH rows or ids each, one prepared statement per size): a
  // first collection writes ~150k software rows per run, and one statement per row spent more
  // time crossing into SQLite than SQLite spent writing.
  const insertAll = (table: string, records: Values[]) => {
    if (!records.length) return;
    const columns = Object.keys(records[0]);
    for (const batch of batches(records, columns.length, 30_000, BATCH)) {
      const values: unknown[] = [];
      for (const record of batch) for (const column of columns) values.push(toSqlite(record[column]));
      insertStatement(prepare, table, columns, batch.length).run(values);
    }
  };
  const setOnIds = (ids: string[], set: Values) => {
    for (const batch of batches(ids, 1, 30_000, BATCH))
      run(prepare(updateByIdsSql("sqlite", store.table, Object.keys(set), batch.length)), [
        ...Object.values(set),
        ...batch,
      ]);
  };
  const setOnSightings = (resourceIds: string[], set: Values) => {
    const where = [scope.resourceType, scope.accountId, scope.region, scope.connectionId];
    for (const batch of batches(resourceIds, 1, 30_000, BATCH))
      run(prepare(updateSightingsSql("sqlite", Object.keys(set), batch.length)), [
        ...Object.values(set),
        ...where,
        ...batch,
      ]);
  };
  const transaction = db.transaction(() => {
    const statements = scopeCommitStatements("sqlite", commit, now);
    for (const check of statements.filter((statement) => statement.mustChangeOne))
      if (run(prepare(check.sql), check.values).changes === 0) throw new FencedOutError(commit.fence!);
    const stored = prepare(selectScopeSql("sqlite", store.table, store.idField)).all(
      scope.accountId,
      scope.region,
    ) as StoredRow[];
    const sightings = prepare(selectSightingsSql("sqlite")).all(
      scope.resourceType,
      scope.accountId,
      scope.region,
    ) as StoredSighting[];
    const plan = planReconcile(store, stored, sightings, rows, { ...scope, runId, now });
    insertAll(store.table, plan.creates);
    for (const { id, values } of plan.updates) setOnIds([id], values);
    setOnIds(plan.touchedIds, { lastSeenAt: now, lastRunId: runId });
    setOnIds(plan.removedIds, { removedAt: now, removedReason: "removed" });
    for (const batch of batches(plan.tagsReplaced, 1, 30_000, BATCH))
      run(prepare(deleteByIdsSql("sqlite", "InventoryTag", "rowId", batch.length)), batch);
    insertAll("InventoryTag", plan.tagCreates);
    insertAll("Sighting", plan.sightingCreates);
    setOnSightings(plan.sightingsSeen, { lastSeenAt: now, lastRunId: runId, endedAt: null, endReason: null });
    setOnSightings(plan.sightingsEnded, { endedAt: now, endReason: "not-seen" });
    insertAll("ChangeEvent", plan.events);
    run(prepare(scopeSucceededSql("sqlite")), [
      scope.connectionId,
      scope.accountId,
      scope.region,
      scope.resourceType,
      now,
      now,
      "succeeded",
      null,
      runId,
      false,
    ]);
    for (const statement of statements.filter((candidate) => !candidate.mustChangeOne))
      run(prepare(statement.sql), statement.values);
    return plan;
  });
  return transaction.immediate();
}
