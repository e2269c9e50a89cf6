import { getDb } from "../../db";
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

type RawTx = {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<R = unknown>(sql: string, ...values: unknown[]): Promise<R>;
};

async function insertAll(tx: RawTx, table: string, rows: Values[]) {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  for (const part of batches(rows, columns.length)) {
    await tx.$executeRawUnsafe(
      insertSql("postgresql", table, columns, part.length),
      ...part.flatMap((row) => columns.map((column) => row[column] ?? null)),
    );
  }
}

async function updateAll(tx: RawTx, table: string, ids: string[], set: Values) {
  for (const part of batches(ids, 1, 30_000, 2_000)) {
    await tx.$executeRawUnsafe(
      updateByIdsSql("postgresql", table, Object.keys(set), part.length),
      ...Object.values(set),
      ...part,
    );
  }
}

async function updateSightings(tx: RawTx, scope: ScopeRef, resourceIds: string[], set: Values) {
  const where = [scope.resourceType, scope.accountId, scope.region, scope.connectionId];
  for (const part of batches(resourceIds, 1, 30_000, 2_000)) {
    await tx.$executeRawUnsafe(
      updateSightingsSql("postgresql", Object.keys(set), part.length),
      ...Object.values(set),
      ...where,
      ...part,
    );
  }
}

// One scope's reconcile on PostgreSQL: one interactive transaction of multi-row statements
// (the driver adapter converts dates and booleans as Prisma's own queries do).
export async function reconcileOnPostgres<T extends ResourceType>(
  store: ResourceDefinition<T>["store"],
  scope: ScopeRef & { resourceType: T },
  rows: RowOf<T>[],
  runId: string,
  now: Date,
  commit: ScopeCommit,
): Promise<ReconcilePlan> {
  return getDb().$transaction(
    async (client) => {
      const tx = client as unknown as RawTx;
      // First, while the row lock it takes is held to commit: is the job still ours? A takeover
      // (which bumps the fence) waits for this transaction, or this one sees the new fence.
      const statements = scopeCommitStatements("postgresql", commit, now);
      for (const check of statements.filter((statement) => statement.mustChangeOne))
        if ((await tx.$executeRawUnsafe(check.sql, ...check.values)) === 0) throw new FencedOutError(commit.fence!);
      // Two connections reconciling the same account + region queue here instead of both
      // creating the resource (one row per resource).
      await tx.$queryRawUnsafe(
        "SELECT pg_advisory_xact_lock(hashtext($1))::text AS locked",
        `${store.table}|${scope.accountId}|${scope.region}`,
      );
      const stored = await tx.$queryRawUnsafe<StoredRow[]>(
        selectScopeSql("postgresql", store.table, store.idField),
        scope.accountId,
        scope.region,
      );
      const sightings = await tx.$queryRawUnsafe<StoredSighting[]>(
        selectSightingsSql("postgresql"),
        scope.resourceType,
        scope.accountId,
        scope.region,
      );
      const plan = planReconcile(store, stored, sightings, rows, { ...scope, runId, now });
      await insertAll(tx, store.table, plan.creates);
      for (const { id, values } of plan.updates)
        await tx.$executeRawUnsafe(
          updateByIdsSql("postgresql", store.table, Object.keys(values), 1),
          ...Object.values(values),
          id,
        );
      await updateAll(tx, store.table, plan.touchedIds, { lastSeenAt: now, lastRunId: runId });
      await updateAll(tx, store.table, plan.removedIds, { removedAt: now, removedReason: "removed" });
      for (const part of batches(plan.tagsReplaced, 1, 30_000, 2_000))
        await tx.$executeRawUnsafe(deleteByIdsSql("postgresql", "InventoryTag", "rowId", part.length), ...part);
      await insertAll(tx, "InventoryTag", plan.tagCreates);
      await insertAll(tx, "Sighting", plan.sightingCreates);
      await updateSightings(tx, scope, plan.sightingsSeen, {
        lastSeenAt: now,
        lastRunId: runId,
        endedAt: null,
        endReason: null,
      });
      await updateSightings(tx, scope, plan.sightingsEnded, { endedAt: now, endReason: "not-seen" });
      await insertAll(tx, "ChangeEvent", plan.events);
      await tx.$executeRawUnsafe(
        scopeSucceededSql("postgresql"),
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
      );
      for (const statement of statements.filter((candidate) => !candidate.mustChangeOne))
        await tx.$executeRawUnsafe(statement.sql, ...statement.values);
      return plan;
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}
